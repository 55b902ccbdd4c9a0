import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../database.types.ts';
import { openDatabase, supportsRowLocks, type DatabaseTarget } from '../dialect.ts';
import { migrateToLatest } from '../migrator.ts';

/** A database created for one test file: migrated, isolated, removed by `drop()`. */
export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  readonly target: DatabaseTarget;
  readonly db: Kysely<Database>;
  /** Deletes every row of every table (keeps the schema). */
  reset(): Promise<void>;
  /** Closes the connection and deletes the file or schema. */
  drop(): Promise<void>;
}

/** The dialects tests run on: SQLite always, PostgreSQL when DATABASE_URL_TEST is set. */
export function testDialects(
  env: Record<string, string | undefined> = process.env,
): ('sqlite' | 'postgres')[] {
  return env.DATABASE_URL_TEST ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * Creates a fresh, migrated database: a temporary SQLite file, or a new PostgreSQL schema
 * (`t_<random>`) in DATABASE_URL_TEST so test files can run in parallel.
 */
export async function createTestDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'labmig-test-'));
    target = { kind: 'sqlite', path: join(dir, 'test.sqlite') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const url = process.env.DATABASE_URL_TEST;
    if (!url) throw new Error('DATABASE_URL_TEST is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE SCHEMA ${schema}`);
    target = { kind: 'postgres', url, schema };
    cleanup = () => adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
  }
  const db = openDatabase(target);
  const schema = target.kind === 'postgres' ? target.schema : undefined;
  const result = await migrateToLatest(db, { schema });
  if (result.error) throw result.error;
  return {
    dialect,
    target,
    db,
    reset: () => deleteAllRows(db),
    async drop() {
      await db.destroy();
      await cleanup();
    },
  };
}

/** Runs one statement on its own connection to `url` (creating and dropping test schemas). */
export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function deleteAllRows(db: Kysely<Database>): Promise<void> {
  // On PostgreSQL the introspection reads only the schemas on the search path: this test's own (see dialect.ts).
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_'));
  if (tables.length === 0) return;
  if (supportsRowLocks(db)) {
    await sql`TRUNCATE ${sql.join(tables.map((t) => sql.table(t)))} CASCADE`.execute(db);
    return;
  }
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  for (const t of tables) await sql`DELETE FROM ${sql.table(t)}`.execute(db);
  await sql`PRAGMA foreign_keys = ON`.execute(db);
}
