import type { KeyboardEvent, MouseEvent } from 'react';

export interface ButtonLikeProps {
  disabled?: boolean;
  loading?: boolean;
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
}

export interface ButtonA11yProps {
  role: 'button';
  tabIndex: number;
  'aria-disabled'?: 'true';
  onKeyDown: (event: Pick<KeyboardEvent, 'key'> & { preventDefault?: () => void }) => void;
}

// NutUI's button is a <div> on H5: these make it announced as a button, reachable and pressed by
// keyboard. weapp drops the attributes and has its own <button>. Its own module, so the office
// subpackage takes it without the applicant screens' NutUI components.
export function buttonA11y(props: ButtonLikeProps): ButtonA11yProps {
  const isInactive = Boolean(props.disabled) || Boolean(props.loading);
  return {
    role: 'button',
    tabIndex: isInactive ? -1 : 0,
    ...(isInactive ? { 'aria-disabled': 'true' as const } : {}),
    onKeyDown: (event) => {
      if (isInactive || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault?.();
      props.onClick?.(event as unknown as MouseEvent<HTMLButtonElement>);
    },
  };
}
