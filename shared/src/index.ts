export * from './contract';
export * from './domain';
export * from './calendar';
