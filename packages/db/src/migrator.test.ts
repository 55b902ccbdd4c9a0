import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects } from './testing/index.ts';
import { migrateDownAll, migrateToLatest } from './migrator.ts';

const TABLES = [
  'cohorts',
  'courses',
  'enrolments',
  'login_attempts',
  'outbox',
  'password_resets',
  'sessions',
  'users',
];

describe.each(testDialects())('migrator on %s', (dialect) => {
  it('creates every table, then finds nothing left to do, then reverts cleanly', async () => {
    const t = await createTestDatabase(dialect);
    const schema = t.target.kind === 'postgres' ? t.target.schema : undefined;
    try {
      const names = async () =>
        (await t.db.introspection.getTables())
          .filter((x) => schema === undefined || x.schema === schema)
          .map((x) => x.name)
          .sort();
      expect(await names()).toEqual(TABLES);

      const again = await migrateToLatest(t.db, { schema });
      expect(again.error).toBeUndefined();
      expect(again.results).toEqual([]);

      const down = await migrateDownAll(t.db, { schema });
      expect(down.error).toBeUndefined();
      expect(down.results.map((r) => [r.migrationName, r.direction, r.status])).toEqual([
        ['0001-campus-foundation', 'Down', 'Success'],
      ]);
      expect(await names()).toEqual([]);

      const up = await migrateToLatest(t.db, { schema });
      expect(up.results.map((r) => r.status)).toEqual(['Success']);
    } finally {
      await t.drop();
    }
  });
});
