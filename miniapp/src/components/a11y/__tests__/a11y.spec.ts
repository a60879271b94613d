import { heading, pressable } from '../a11y';

describe('pressable', () => {
  it('should make a view a focusable control with its role and name when given a label', () => {
    const props = pressable('button', () => undefined, '返回');
    expect(props).toMatchObject({ role: 'button', tabIndex: 0, 'aria-label': '返回' });
  });

  it('should leave the name to the text when no label is given', () => {
    expect(pressable('link', () => undefined)).not.toHaveProperty('aria-label');
  });

  it('should press a button on Enter and Space, and nothing else', () => {
    const onPress = jest.fn();
    const { onKeyDown } = pressable('button', onPress);
    onKeyDown({ key: 'Enter' });
    onKeyDown({ key: ' ' });
    onKeyDown({ key: 'Tab' });
    expect(onPress).toHaveBeenCalledTimes(2);
  });

  it('should follow a link on Enter only, as a native link does', () => {
    const onPress = jest.fn();
    const preventDefault = jest.fn();
    const { onKeyDown, onClick } = pressable('link', onPress);
    onKeyDown({ key: ' ', preventDefault });
    expect(onPress).not.toHaveBeenCalled();
    onKeyDown({ key: 'Enter', preventDefault });
    onClick();
    expect(onPress).toHaveBeenCalledTimes(2);
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it('should toggle a checkbox or a radio on Space, not on Enter', () => {
    const onPress = jest.fn();
    for (const role of ['checkbox', 'radio'] as const) {
      const { onKeyDown } = pressable(role, onPress);
      onKeyDown({ key: 'Enter' });
      onKeyDown({ key: ' ' });
    }
    expect(onPress).toHaveBeenCalledTimes(2);
  });
});

describe('heading', () => {
  it('should give the ARIA heading role and level', () => {
    expect(heading(2)).toEqual({ role: 'heading', 'aria-level': 2 });
  });
});
