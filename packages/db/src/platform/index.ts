/** The platform tables' types and repositories: background jobs and stored files (migration 0005-platform). */
export type * from './platform.types.ts';
export * from './job.repository.ts';
export * from './stored-file.repository.ts';
export * from './pg-notifications.ts';
