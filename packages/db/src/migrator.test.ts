import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects } from './testing/index.ts';
import { migrateDownAll, migrateToLatest } from './migrator.ts';
import { migrations } from './migrations/index.ts';

// The campus foundation's tables and the account hardening's; other migrations add more, so the check is "at least these".
const CAMPUS_TABLES = [
  'cohorts',
  'courses',
  'email_confirmations',
  'enrolments',
  'outbox',
  'password_resets',
  'rate_limits',
  'sessions',
  'sign_in_devices',
  'users',
];

describe.each(testDialects())('migrator on %s', (dialect) => {
  it('creates every table, then finds nothing left to do, then reverts every migration cleanly', async () => {
    const t = await createTestDatabase(dialect);
    const schema = t.target.kind === 'postgres' ? t.target.schema : undefined;
    try {
      const names = async () =>
        (await t.db.introspection.getTables())
          .filter((x) => schema === undefined || x.schema === schema)
          .map((x) => x.name)
          .sort();
      expect(await names()).toEqual(expect.arrayContaining(CAMPUS_TABLES));

      const again = await migrateToLatest(t.db, { schema });
      expect(again.error).toBeUndefined();
      expect(again.results).toEqual([]);

      const down = await migrateDownAll(t.db, { schema });
      expect(down.error).toBeUndefined();
      const all = Object.keys(migrations);
      expect(down.results.map((r) => [r.migrationName, r.direction, r.status])).toEqual(
        [...all].reverse().map((name) => [name, 'Down', 'Success']),
      );
      expect(await names()).toEqual([]);

      const up = await migrateToLatest(t.db, { schema });
      expect(up.results.map((r) => [r.migrationName, r.status])).toEqual(
        all.map((name) => [name, 'Success']),
      );
    } finally {
      await t.drop();
    }
  });
});
