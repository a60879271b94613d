export { ActionCard } from './action-card';
export type { ActionCardProps } from './action-card';
