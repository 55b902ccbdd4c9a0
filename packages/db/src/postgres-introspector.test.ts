import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects } from './testing/index.ts';

describe.skipIf(!testDialects().includes('postgres'))('SearchPathIntrospector (PostgreSQL)', () => {
  it('lists the tables of its own schema only, and keeps working while other schemas are dropped', async () => {
    const own = await createTestDatabase('postgres');
    const others = await Promise.all([1, 2, 3].map(() => createTestDatabase('postgres')));
    const schemaOf = (t: { target: { kind: string; schema?: string } }) => t.target.schema!;
    try {
      const tables = await own.db.introspection.getTables();
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([schemaOf(own)]));
      const users = tables.find((t) => t.name === 'users');
      expect(users?.columns.find((c) => c.name === 'email')).toMatchObject({
        dataType: 'text',
        isNullable: false,
      });
      expect(users?.columns.find((c) => c.name === 'email_confirmed_at')).toMatchObject({ isNullable: true });
      // Other runs drop their schemas while this one introspects (the migrator does on every start).
      const runs = await Promise.all([
        ...others.map((o) => o.drop().then(() => 'dropped')),
        ...Array.from({ length: 12 }, () => own.db.introspection.getTables().then((t) => t.length)),
      ]);
      expect(runs.filter((r) => r === tables.length)).toHaveLength(12);
    } finally {
      await own.drop();
    }
  });
});
