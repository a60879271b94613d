import { createElement } from 'react';
import type { ReactNode } from 'react';

// Taro's components as plain DOM elements, so components render to markup in jest (node).
type Props = Record<string, unknown> & { children?: ReactNode };
const element = (tag: string) =>
  function TaroElement({ children, onClick: _onClick, ...props }: Props): JSX.Element {
    return createElement(tag, props, children);
  };

export const View = element('div');
export const Text = element('span');
export const Button = element('button');
export const Input = element('input');
