export { StatusTimeline } from './status-timeline';
export type { StatusTimelineProps } from './status-timeline';
