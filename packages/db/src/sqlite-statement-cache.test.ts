import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './dialect.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';

/** A stand-in connection that counts what it prepares; statements are plain objects. */
function countingDatabase() {
  const prepared: string[] = [];
  let closed = false;
  const database = {
    prepare(text: string) {
      prepared.push(text);
      return {
        text,
        reader: true,
        busy: false,
        all: () => [],
        run: () => ({ changes: 0, lastInsertRowid: 0 }),
        iterate: () => [][Symbol.iterator](),
      };
    },
    close() {
      closed = true;
    },
  };
  return { database, prepared, isClosed: () => closed };
}

describe('withStatementCache', () => {
  it('prepares each SQL string once and hands out the same statement again', () => {
    const { database, prepared } = countingDatabase();
    const cached = withStatementCache(database);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).toBe(b);
    expect(prepared).toEqual(['select 1', 'select 2']);
  });

  it('drops the least recently used statement beyond the limit', () => {
    const { database, prepared } = countingDatabase();
    const cached = withStatementCache(database, 2);
    cached.prepare('a');
    cached.prepare('b');
    cached.prepare('a'); // b is now the least recently used
    cached.prepare('c'); // evicts b
    cached.prepare('a');
    cached.prepare('b'); // prepared again
    expect(prepared).toEqual(['a', 'b', 'c', 'b']);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const { database, prepared } = countingDatabase();
    const cached = withStatementCache(database);
    const first = cached.prepare('select 1') as unknown as { busy: boolean };
    first.busy = true;
    const second = cached.prepare('select 1');
    expect(second).not.toBe(first);
    expect(prepared).toEqual(['select 1', 'select 1']);
  });

  it('closes the connection', () => {
    const { database, isClosed } = countingDatabase();
    withStatementCache(database).close();
    expect(isClosed()).toBe(true);
  });

  it('returns the right rows for reused statements with new parameters (Kysely on better-sqlite3)', async () => {
    const db = new Kysely<{ t: { id: number; v: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(new SQLite(':memory:')) }),
    });
    try {
      await db.schema
        .createTable('t')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('v', 'text')
        .execute();
      for (let id = 1; id <= 5; id++)
        await db
          .insertInto('t')
          .values({ id, v: `v${id}` })
          .execute();
      const byId = (id: number) => db.selectFrom('t').select('v').where('id', '=', id).executeTakeFirst();
      expect(await byId(2)).toEqual({ v: 'v2' });
      expect(await byId(4)).toEqual({ v: 'v4' });
      await db.updateTable('t').set({ v: 'changed' }).where('id', '=', 2).execute();
      expect(await byId(2)).toEqual({ v: 'changed' });
      expect(await byId(9)).toBeUndefined();
    } finally {
      await db.destroy();
    }
  });

  it('runs the same SQL while a real statement is still being iterated', () => {
    const raw = new SQLite(':memory:');
    const cached = withStatementCache(raw);
    try {
      raw.exec('create table t (id integer primary key); insert into t values (1), (2), (3)');
      const query = 'select id from t where id >= ?';
      const outer = cached.prepare(query).iterate([2]);
      const seen: unknown[] = [];
      for (const row of outer) {
        seen.push(row);
        expect(cached.prepare(query).all([3])).toEqual([{ id: 3 }]);
      }
      expect(seen).toEqual([{ id: 2 }, { id: 3 }]);
    } finally {
      cached.close();
    }
  });
});

describe('openDatabase (SQLite)', () => {
  it('sets WAL, synchronous = NORMAL, foreign keys and the busy timeout', async () => {
    const db = openDatabase({ kind: 'sqlite', path: ':memory:' });
    try {
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
      expect(await pragma('synchronous')).toBe(1);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    } finally {
      await db.destroy();
    }
  });
});
