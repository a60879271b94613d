export { RoundNotice } from './round-notice';
export type { RoundNoticeProps, RoundRegionChoice, RoundWatch } from './round-notice';
