export * from './graphql-client';
export * from './ical';
export * from './redis-server';
export * from './smtp-sink';
export * from './test-app';
export * from './test-config';
export * from './test-database';
export * from './wait';
