export * from './contract';
export * from './domain';
export * from './calendar';
export * from './notice-draft';
export * from './region';
