// NutUI React Taro, one component at a time with its own stylesheet: the full NutUI css is
// 232 KB, far more than the weapp package budget allows (docs/miniapp.md).
import NutButton from '@nutui/nutui-react-taro/dist/es/packages/button/index';
import Cell from '@nutui/nutui-react-taro/dist/es/packages/cell/index';
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch/index';
import Tag from '@nutui/nutui-react-taro/dist/es/packages/tag/index';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import { createElement } from 'react';
import type { ComponentProps, MouseEvent } from 'react';

type NutButtonProps = ComponentProps<typeof NutButton>;

// NutUI's button is a <div> on H5: announced as a button, reachable and pressed by keyboard.
// weapp drops these attributes and has its own <button>.
export function Button(props: NutButtonProps): JSX.Element {
  const isInactive = Boolean(props.disabled) || Boolean(props.loading);
  const a11y = {
    role: 'button',
    tabIndex: isInactive ? -1 : 0,
    ...(isInactive ? { 'aria-disabled': 'true' } : {}),
    onKeyDown: (event: { key?: string; preventDefault?: () => void }) => {
      if (isInactive || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault?.();
      props.onClick?.(event as unknown as MouseEvent<HTMLButtonElement>);
    },
  };
  return createElement(NutButton, { ...a11y, ...props });
}

export { Cell, Switch, Tag };
