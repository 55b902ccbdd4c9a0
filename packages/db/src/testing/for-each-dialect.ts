import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../database.types.ts';
import { createTestDatabase, testDialects, type TestDatabase } from './test-database.ts';

/** What a test body gets: the dialect's name and the database, which is empty at the start of each test. */
export interface DialectContext {
  readonly dialect: 'sqlite' | 'postgres';
  /** The database of the running test (valid inside hooks and tests only). */
  readonly db: Kysely<Database>;
  /** The underlying test database (target, reset, drop). */
  readonly test: TestDatabase;
}

/**
 * Runs a group of tests once per configured dialect (SQLite always; PostgreSQL when DATABASE_URL_TEST is
 * set), each in a `describe('<dialect>')`. One database per dialect and test file, migrated once, emptied
 * before every test, dropped after the file.
 * @example forEachDialect((ctx) => { it('stores a user', async () => { await buildUser(ctx.db); }); });
 */
export function forEachDialect(fn: (ctx: DialectContext) => void): void {
  for (const dialect of testDialects()) {
    describe(dialect, () => {
      let test: TestDatabase | undefined;
      const ctx: DialectContext = {
        dialect,
        get db() {
          if (!test) throw new Error('the test database is only available inside tests and hooks');
          return test.db;
        },
        get test() {
          if (!test) throw new Error('the test database is only available inside tests and hooks');
          return test;
        },
      };
      beforeAll(async () => {
        test = await createTestDatabase(dialect);
      });
      beforeEach(async () => {
        await test!.reset();
      });
      afterAll(async () => {
        await test?.drop();
      });
      fn(ctx);
    });
  }
}
