export * from './notice-draft.type';
export * from './draft-notice-calendar';
