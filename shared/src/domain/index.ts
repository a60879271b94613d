export * from './assert-unreachable';
export * from './deadline-format';
export * from './timeline';
export * from './application.type';
export * from './application-status';
export * from './title-level';
export * from './notice-year';
export * from './known-notice-years';
export * from './urgency';
export * from './scope';
export * from './route-choice';
export * from './revision';
export * from './attachments';
export * from './continuing-education';
export * from './defence';
export * from './fast-track';
export * from './skilled-worker-bridge';
export * from './fee';
export * from './falsification-ban';
export * from './filing';
export * from './obligations';
export * from './next-actions';
export * from './alerts';
// Counts official working days with chinese-days' holiday data (R9); a bundler drops it, and the
// data with it, from pages that use none of these exports.
export * from './working-days';
export * from './publicity';
// The year's notice parameters and Beijing-day helpers live beside the calendar they extend;
// they are exported here, with the functions that take them.
export * from '../calendar/beijing-day';
export * from '../calendar/notice-rules.type';
export * from '../calendar/hotan-2023.rules';
export * from './id-card';
export * from './mirror-transition';
export * from './mirror-year';
export * from './certificate';
export * from '../calendar/notice-rules-from-parameters';
export * from './applicant-facts';
export * from './eligibility.type';
