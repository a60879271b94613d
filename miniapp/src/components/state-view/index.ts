export { StateView } from './state-view';
export type { StateViewProps } from './state-view';
