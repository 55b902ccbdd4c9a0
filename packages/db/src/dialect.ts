import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type DatabaseIntrospector,
  type Dialect,
} from 'kysely';
import { SearchPathIntrospector } from './postgres-introspector.ts';
import type { Database } from './database.types.ts';
import {
  BACKSTOP_AUTOCHECKPOINT_PAGES,
  startCheckpointer,
  type Checkpointer,
} from './sqlite-checkpointer.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';

/**
 * Every difference between SQLite and PostgreSQL lives in this file: how to connect, connection settings,
 * and the few SQL features one side lacks (row locks).
 */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

/**
 * Builds the Kysely dialect for a target. SQLite: WAL, synchronous = NORMAL, foreign keys on, 5 s busy timeout,
 * prepared statements reused (see `withStatementCache`), WAL checkpoints on a background thread for files (see
 * `startCheckpointer`).
 */
export function createDialect(target: DatabaseTarget): Dialect {
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const database = new SQLite(target.path);
    // WAL: readers (other processes: the CLI, a backup) never block the writer and the writer never blocks them;
    // a commit appends to the log instead of rewriting pages in place.
    database.pragma('journal_mode = WAL');
    // synchronous = NORMAL, stated rather than left to how better-sqlite3 was compiled (it defaults WAL
    // connections to NORMAL; SQLite's own default is FULL). With WAL, NORMAL never corrupts the database and
    // loses nothing when the process crashes; only a power cut or OS crash can undo the last commits before the
    // next checkpoint. FULL adds an fsync to every commit, which better-sqlite3 waits for on the one event
    // loop thread: measured 2.8–5.5 ms per commit on the dev machine's disk against 0.1 ms, i.e. every save of
    // every learner would stall all other requests. Servers that must survive power cuts with the last
    // second of answers should use PostgreSQL.
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // busy_timeout: a second process writing at the same moment (a CLI command next to the server) makes a
    // write wait up to 5 s for the lock instead of failing at once with SQLITE_BUSY.
    database.pragma('busy_timeout = 5000');
    if (target.path === ':memory:') return new SqliteDialect({ database: withStatementCache(database) });
    // Checkpoints move to a background thread (see startCheckpointer); this connection checkpoints only as a
    // backstop when the WAL grows past BACKSTOP_AUTOCHECKPOINT_PAGES. If the thread cannot start or dies, the
    // connection goes back to SQLite's own checkpoints (every 1,000 pages): slower, never unbounded.
    const ownCheckpoints = () => {
      if (database.open) database.pragma('wal_autocheckpoint = 1000');
    };
    let checkpointer: Checkpointer | undefined;
    try {
      checkpointer = startCheckpointer(target.path, undefined, ownCheckpoints);
      database.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
    } catch {
      ownCheckpoints();
    }
    const cached = withStatementCache(database);
    return new SqliteDialect({
      database: {
        prepare: (sql) => cached.prepare(sql),
        close() {
          checkpointer?.stop();
          cached.close();
        },
      },
    });
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    // An isolated schema (used by tests) is put first on the search path of every connection.
    ...(target.schema ? { options: `-c search_path=${quoteIdent(target.schema)}` } : {}),
  });
  return new SearchPathPostgresDialect({ pool });
}

/** PostgreSQL whose introspection (used by the migrator) reads only the schemas on the search path. */
class SearchPathPostgresDialect extends PostgresDialect {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Dialect signature
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }
}

/** Opens a Kysely instance for a target. */
export function openDatabase(target: DatabaseTarget): Kysely<Database> {
  return new Kysely<Database>({ dialect: createDialect(target) });
}

/** True when the database can lock rows with `SELECT … FOR UPDATE` (PostgreSQL; SQLite locks the whole file). */
export function supportsRowLocks<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Name of the dialect behind a Kysely instance, for logs and test names. */
export function dialectName<DB>(db: Kysely<DB>): 'sqlite' | 'postgres' {
  return supportsRowLocks(db) ? 'postgres' : 'sqlite';
}

/** Reads the target from environment-style values: a postgres:// URL wins, else the SQLite path. */
export function targetFromUrl(url: string | undefined, sqlitePath: string): DatabaseTarget {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return { kind: 'sqlite', path: sqlitePath };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  return name;
}
