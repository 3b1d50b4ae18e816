export * from './csv';
export * from './html';
export * from './ids';
export * from './language';
export * from './patterns';
export * from './sql';
export * from './text';
export * from './timeout';
