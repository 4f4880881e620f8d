export * from './client.ts';
export * from './lock.ts';
export * as schema from './schema/index.ts';
export * from './schema/index.ts';
export * from './roles.ts';
