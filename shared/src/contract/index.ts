export * from './error-code';
export * from './routes';
export * from './health';
export * from './notice';
export * from './calendar';
export * from './auth';
export * from './binding';
export * from './inbox';
