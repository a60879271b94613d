// Taro's View renders a <div> on H5: these attributes make a tappable view a control a screen
// reader announces and a keyboard reaches. On weapp our Taro plugin lets them into the templates
// (config/weapp-accessibility-plugin.js): `role` is written as `aria-role`, the name WeChat reads,
// `aria-*` as they are; `tabIndex` and the keys mean nothing there.
export type PressableRole = 'button' | 'link' | 'checkbox' | 'radio';

interface KeyEventLike {
  key?: string;
  preventDefault?: () => void;
}

export interface PressableProps {
  role: PressableRole;
  tabIndex: number;
  'aria-label'?: string;
  onClick: () => void;
  onKeyDown: (event: KeyEventLike) => void;
}

// As native controls do: a link follows on Enter, a checkbox or radio toggles on Space, a button
// takes both.
const KEYS: Record<PressableRole, readonly string[]> = {
  button: ['Enter', ' '],
  link: ['Enter'],
  checkbox: [' '],
  radio: [' '],
};

export function pressable(
  role: PressableRole,
  onPress: () => void,
  label?: string,
): PressableProps {
  return {
    role,
    tabIndex: 0,
    ...(label ? { 'aria-label': label } : {}),
    onClick: onPress,
    onKeyDown: (event) => {
      if (event.key !== undefined && KEYS[role].includes(event.key)) {
        event.preventDefault?.();
        onPress();
      }
    },
  };
}

export interface HeadingProps {
  role: 'heading';
  'aria-level': number;
}

// h1 is the screen's title (drawn by the page root); sections use 2.
export const heading = (level: 1 | 2 | 3): HeadingProps => ({
  role: 'heading',
  'aria-level': level,
});
