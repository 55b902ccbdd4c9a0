/** Test helpers: run tests on every configured dialect, fresh databases, factories. */
export { forEachDialect, type DialectContext } from './for-each-dialect.ts';
export { adminQuery, createTestDatabase, testDialects, type TestDatabase } from './test-database.ts';
export { buildUser, buildCourse, buildCohort, buildEnrolment } from './factories.ts';
