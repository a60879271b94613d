export * from './calendar.type';
export * from './beijing-time';
export * from './calendar-events';
export * from './hotan-2023.calendar';
export * from './pick-calendar-year';
export * from './calendar.schema';
export * from './notice-year-from-response';
