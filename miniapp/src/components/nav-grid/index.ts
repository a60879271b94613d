export { NavGrid } from './nav-grid';
export type { NavGridItem, NavGridProps } from './nav-grid';
