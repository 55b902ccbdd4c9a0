import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index.ts';

/** Outcome of a migration run: never throws halfway; `error` is set when a migration failed. */
export interface MigrateResult {
  readonly error?: unknown;
  readonly results: readonly MigrationResult[];
}

/** Where the migration bookkeeping tables live (PostgreSQL only; default: the first schema on the search path). */
export interface MigrateOptions {
  readonly schema?: string;
}

function createMigrator<DB>(db: Kysely<DB>, options: MigrateOptions): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Fresh databases run every migration in name order. A database that already ran a later one (0005-platform
    // landed on main before 0004-hardening) runs the earlier one it has not seen instead of refusing to start;
    // reverting follows the order in which they ran. Each migration is independent of the later ones.
    allowUnorderedMigrations: true,
    // Kysely looks for its bookkeeping table in every schema unless told which one: name it when isolated.
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
}

/** Runs every pending migration. Returns the per-migration results and the error, if any. */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const { error, results } = await createMigrator(db, options).migrateToLatest();
  return error === undefined ? { results: results ?? [] } : { error, results: results ?? [] };
}

/** Reverts every migration (tests and development only). */
export async function migrateDownAll<DB>(
  db: Kysely<DB>,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const { error, results } = await createMigrator(db, options).migrateTo(NO_MIGRATIONS);
  return error === undefined ? { results: results ?? [] } : { error, results: results ?? [] };
}
