export * from './xinjiang-regions';
