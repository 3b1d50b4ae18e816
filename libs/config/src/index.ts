export * from './config';
export * from './config.module';
export * from './load-or-exit';
export * from './time-zone';
export * from './site-paths';
