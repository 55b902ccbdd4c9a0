import SQLite from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './dialect.ts';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startCheckpointer } from './sqlite-checkpointer.ts';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'labmig-ckpt-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('startCheckpointer', () => {
  it('copies committed WAL pages into the database file from its own thread', async () => {
    const path = tempFile();
    const db = new SQLite(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0'); // this connection never checkpoints
    db.exec('create table t (id integer primary key, v text)');
    const insert = db.prepare('insert into t (v) values (?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run('x'.repeat(500));
    })();
    const before = statSync(path).size;
    const checkpointer = startCheckpointer(path, 20);
    try {
      await until(() => statSync(path).size > before + 200_000);
      expect(await checkpointer.count()).toBeGreaterThan(0);
      expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 500 });
    } finally {
      checkpointer.stop();
      db.close();
    }
  });

  it('reports a thread that cannot work (here: no database file)', async () => {
    const failure = await new Promise<Error>((resolve) => {
      startCheckpointer(join(tmpdir(), 'labmig-no-such-dir', 'missing.sqlite'), 20, resolve);
    });
    expect(failure.message).toMatch(/unable to open|does not exist|directory/i);
  });

  it('stops on request and may be stopped twice', async () => {
    const path = tempFile();
    const db = new SQLite(path);
    db.pragma('journal_mode = WAL');
    const checkpointer = startCheckpointer(path, 20);
    await checkpointer.count();
    checkpointer.stop();
    checkpointer.stop();
    db.close();
  });

  it('has closed its connection when stop returns, so the last close removes the WAL at once', async () => {
    const path = tempFile();
    const db = new SQLite(path);
    db.pragma('journal_mode = WAL');
    db.exec('create table t (v text)');
    const checkpointer = startCheckpointer(path, 5);
    await checkpointer.count();
    checkpointer.stop();
    db.close(); // the last connection of a WAL database deletes the -wal and -shm files when it closes
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
  });
});

describe('openDatabase (SQLite file)', () => {
  it('leaves checkpoints to the background thread (backstop only) and keeps what was written', async () => {
    const path = tempFile();
    const db = openDatabase({ kind: 'sqlite', path });
    try {
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
      expect(await pragma('wal_autocheckpoint')).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
      expect(await pragma('journal_mode')).toBe('wal');
      await db.schema
        .createTable('t')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .execute();
      for (let id = 1; id <= 50; id++) await sql`insert into t (id) values (${id})`.execute(db);
    } finally {
      await db.destroy();
    }
    const reader = new SQLite(path, { readonly: true });
    expect(reader.prepare('select count(*) as n from t').get()).toEqual({ n: 50 });
    reader.close();
  });
});
