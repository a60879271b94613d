export { TAB, TabBar } from './tab-bar';
export type { TabBarProps, TabKey } from './tab-bar';
