export { DeadlineCountdown } from './deadline-countdown';
export type { DeadlineCountdownProps } from './deadline-countdown';
