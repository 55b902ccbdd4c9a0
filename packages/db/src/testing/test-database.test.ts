import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildUser } from './factories.ts';
import { createTestDatabase, testDialects } from './test-database.ts';

describe('testDialects', () => {
  it('always includes SQLite and adds PostgreSQL only when DATABASE_URL_TEST is set', () => {
    expect(testDialects({})).toEqual(['sqlite']);
    expect(testDialects({ DATABASE_URL_TEST: 'postgres://x/y' })).toEqual(['sqlite', 'postgres']);
  });
});

describe.each(testDialects())('createTestDatabase on %s', (dialect) => {
  it('gives each caller its own database, empties it on reset and removes it on drop', async () => {
    const a = await createTestDatabase(dialect);
    const b = await createTestDatabase(dialect);
    try {
      expect(a.target).not.toEqual(b.target);
      await buildUser(a.db, { email: 'only-in-a@example.org' });
      expect(await b.db.selectFrom('users').selectAll().execute()).toEqual([]);
      expect(await a.db.selectFrom('users').select('email').execute()).toEqual([
        { email: 'only-in-a@example.org' },
      ]);
      await a.reset();
      expect(await a.db.selectFrom('users').selectAll().execute()).toEqual([]);
    } finally {
      await a.drop();
      await b.drop();
    }
    if (a.target.kind === 'postgres') {
      const probe = await createTestDatabase('postgres');
      try {
        const { rows: schemas } = await sql`
          select schema_name from information_schema.schemata where schema_name = ${a.target.schema}
        `.execute(probe.db);
        expect(schemas).toEqual([]);
      } finally {
        await probe.drop();
      }
    }
  });
});
