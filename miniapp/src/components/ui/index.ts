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
import type { ComponentProps } from 'react';

import { buttonA11y } from './button-a11y';

type NutButtonProps = ComponentProps<typeof NutButton>;

export function Button(props: NutButtonProps): JSX.Element {
  return createElement(NutButton, { ...buttonA11y(props), ...props });
}

export { Cell, Switch, Tag };
