import { Migrator } from 'kysely';
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

  it('runs a migration that a database skipped when a later one ran first (0004 after 0005), and reverts in run order', async () => {
    const t = await createTestDatabase(dialect);
    const schema = t.target.kind === 'postgres' ? t.target.schema : undefined;
    try {
      expect((await migrateDownAll(t.db, { schema })).error).toBeUndefined();
      // A campus on main before 0004-hardening landed: every migration but that one has run.
      const { ['0004-hardening']: skipped, ...before } = migrations;
      expect(skipped).toBeDefined();
      const early = await new Migrator({
        db: t.db,
        provider: { getMigrations: async () => before },
        ...(schema ? { migrationTableSchema: schema } : {}),
      }).migrateToLatest();
      expect(early.error).toBeUndefined();
      expect(early.results?.map((r) => r.migrationName)).toContain('0005-platform');

      const later = await migrateToLatest(t.db, { schema });
      expect(later.error).toBeUndefined();
      expect(later.results.map((r) => [r.migrationName, r.status])).toEqual([['0004-hardening', 'Success']]);
      const tables = (await t.db.introspection.getTables()).map((x) => x.name);
      expect(tables).toEqual(expect.arrayContaining(['rate_limits', 'jobs', 'stored_files']));
      expect(tables).not.toContain('login_attempts');

      const down = await migrateDownAll(t.db, { schema });
      expect(down.error).toBeUndefined();
      expect(down.results[0]).toMatchObject({ migrationName: '0004-hardening', status: 'Success' });
      expect(down.results.every((r) => r.status === 'Success')).toBe(true);
    } finally {
      await t.drop();
    }
  });
});
