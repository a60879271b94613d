export { NoticeList } from './notice-list';
export type { NoticeListProps } from './notice-list';
