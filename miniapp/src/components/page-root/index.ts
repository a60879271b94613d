export { PageRoot } from './page-root';
export type { PageRootProps } from './page-root';
