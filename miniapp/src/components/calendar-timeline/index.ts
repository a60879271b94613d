export { CalendarTimeline } from './calendar-timeline';
export type { CalendarTimelineProps } from './calendar-timeline';
