import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** The most statements kept prepared per connection. The app's queries are a few hundred distinct SQL strings. */
export const STATEMENT_CACHE_LIMIT = 500;

/** The part of a better-sqlite3 connection the cache needs. */
interface PreparingDatabase {
  prepare(sql: string): SqliteStatement & { readonly busy?: boolean };
  close(): void;
}

/**
 * Wraps a better-sqlite3 connection for Kysely so that each distinct SQL string is prepared once and reused.
 * Kysely's SQLite driver calls `prepare` for every query; compiling the SQL again each time costs more than
 * running most of the app's small queries. Kysely builds SQL with `?` parameters, so the strings repeat.
 * Least recently used statements beyond `limit` are dropped. A statement still being iterated (a streamed
 * query, `busy`) is never handed out twice: that query gets a fresh, uncached statement.
 */
export function withStatementCache(
  database: PreparingDatabase,
  limit: number = STATEMENT_CACHE_LIMIT,
): SqliteDatabase {
  const cache = new Map<string, SqliteStatement & { readonly busy?: boolean }>();
  return {
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached) {
        if (cached.busy) return database.prepare(sql);
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
      return statement;
    },
    close(): void {
      cache.clear();
      database.close();
    },
  };
}
