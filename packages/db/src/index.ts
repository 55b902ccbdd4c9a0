/**
 * @labmig/db — Kysely table types, repositories (plain async functions taking `db`/`trx` first),
 * one migration set for SQLite and PostgreSQL, and the dialect setup.
 */
export type * from './database.types.ts';
export {
  openDatabase,
  createDialect,
  supportsRowLocks,
  dialectName,
  targetFromUrl,
  isUniqueViolation,
  type DatabaseTarget,
} from './dialect.ts';
export { migrateToLatest, migrateDownAll, type MigrateResult, type MigrateOptions } from './migrator.ts';
export { newId } from './ids.ts';
export { migrations } from './migrations/index.ts';
export * from './repositories/user.repository.ts';
export * from './repositories/session.repository.ts';
export * from './repositories/password-reset.repository.ts';
export * from './repositories/rate-limit.repository.ts';
export * from './repositories/sign-in-device.repository.ts';
export * from './repositories/email-confirmation.repository.ts';
export * from './repositories/outbox.repository.ts';
export * from './repositories/course.repository.ts';
export * from './repositories/cohort.repository.ts';
export * from './repositories/enrolment.repository.ts';
export * from './repositories/learning-progress.repository.ts';
export * from './repositories/learning-feed.repository.ts';
export * from './repositories/assessment-bank.repository.ts';
export * from './repositories/assessment-quiz.repository.ts';
export * from './repositories/assessment-attempt.repository.ts';
export * from './repositories/group.repository.ts';
export * from './repositories/forum.repository.ts';
export * from './repositories/forum-post.repository.ts';
export * from './repositories/forum-visibility.repository.ts';
export * from './repositories/notification.repository.ts';
export * from './repositories/certificate.repository.ts';
export * from './platform/index.ts';
export * from './repositories/group.repository.ts';
export * from './repositories/course-definition.repository.ts';
export * from './repositories/assignment.repository.ts';
export * from './repositories/audit.repository.ts';
export * from './repositories/course-admin.repository.ts';
export * from './repositories/support.repository.ts';
export * from './repositories/lab-exercise.repository.ts';
export * from './repositories/observatory.repository.ts';
export * from './repositories/lab.repository.ts';
export type { Kysely, Transaction } from 'kysely';
