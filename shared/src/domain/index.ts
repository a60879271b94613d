export * from './assert-unreachable';
export * from './deadline-format';
export * from './timeline';
