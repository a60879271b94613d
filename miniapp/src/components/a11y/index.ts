export { heading, pressable } from './a11y';
export type { HeadingProps, PressableProps, PressableRole } from './a11y';
