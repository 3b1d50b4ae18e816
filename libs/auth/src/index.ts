export * from './auth.guard';
export * from './auth.module';
export * from './bootstrap-admin';
export * from './decorators';
export * from './password-hasher';
export * from './password-reset-token.entity';
export * from './token.service';
export * from './user.entity';
