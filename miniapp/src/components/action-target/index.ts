export { ActionTargetLink } from './action-target';
export type { ActionTargetProps } from './action-target';
