export * from './connection';
export * from './context';
export * from './errors';
export * from './format-error';
export * from './language';
export * from './graphql-api.module';
export * from './loaders';
export * from './validation';
