import { FEEDBACK_LIMITS, checkFeedbackText, feedbackReplyExcerpt } from './feedback';

describe('checkFeedbackText', () => {
  it('returns the text trimmed, with Windows line ends as \\n', () => {
    expect(checkFeedbackText('  办理太慢\r\n跑了两趟\r\n ', 1000)).toEqual({
      isValid: true,
      text: '办理太慢\n跑了两趟',
    });
  });

  it('accepts Uyghur with its joiners', () => {
    const text = 'ئۇنۋان ئىشخانىسى\u200cغا';
    expect(checkFeedbackText(text, 1000)).toEqual({ isValid: true, text });
  });

  it('refuses a text that is empty after trimming', () => {
    expect(checkFeedbackText(' \n\u3000 ', 1000)).toEqual({ isValid: false, problem: 'empty' });
  });

  it('accepts exactly the maximum and refuses one character more, counting code points', () => {
    expect(checkFeedbackText('😀'.repeat(10), 10)).toMatchObject({ isValid: true });
    expect(checkFeedbackText('😀'.repeat(11), 10)).toEqual({ isValid: false, problem: 'too_long' });
  });

  it.each([
    ['a bidi override', '看\u202e这里'],
    ['an isolate', '\u2066139\u2069'],
    ['a right-to-left mark', 'a\u200fb'],
    ['a bell', 'a\u0007'],
    ['a tab', 'a\tb'],
    ['a C1 control', 'a\u0085b'],
    ['a BOM', '\ufeffa'],
  ])('refuses %s', (_name, value) => {
    expect(checkFeedbackText(value, 1000)).toEqual({
      isValid: false,
      problem: 'refused_character',
    });
  });

  it('accepts an empty optional value when the minimum is 0', () => {
    expect(checkFeedbackText('  ', FEEDBACK_LIMITS.contactMaxLength, 0)).toEqual({
      isValid: true,
      text: '',
    });
  });

  it('does not mutate its input', () => {
    const input = ' 好 ';
    checkFeedbackText(input, 10);
    expect(input).toBe(' 好 ');
  });
});

describe('feedbackReplyExcerpt', () => {
  it('returns a short reply whole, on one line', () => {
    expect(feedbackReplyExcerpt('已核实。\n将补充通知。')).toBe('已核实。 将补充通知。');
  });

  it('cuts a long reply with an ellipsis', () => {
    expect(feedbackReplyExcerpt('好'.repeat(61))).toBe(`${'好'.repeat(60)}…`);
    expect(feedbackReplyExcerpt('好'.repeat(60))).toBe('好'.repeat(60));
  });
});
