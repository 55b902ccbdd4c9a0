import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index.ts';

/** Outcome of a migration run: never throws halfway; `error` is set when a migration failed. */
export interface MigrateResult {
  readonly error?: unknown;
  readonly results: readonly MigrationResult[];
}

function createMigrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Runs every pending migration. Returns the per-migration results and the error, if any. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrateResult> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  return error === undefined ? { results: results ?? [] } : { error, results: results ?? [] };
}

/** Reverts every migration (tests and development only). */
export async function migrateDownAll<DB>(db: Kysely<DB>): Promise<MigrateResult> {
  const { error, results } = await createMigrator(db).migrateTo(NO_MIGRATIONS);
  return error === undefined ? { results: results ?? [] } : { error, results: results ?? [] };
}
