import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCourse, forEachDialect } from '@labmig/db/testing';
import { openDatabase } from '@labmig/db';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import { checkHealth } from './health.queries.ts';

forEachDialect((ctx) => {
  describe('checkHealth', () => {
    it('says ok with the database kind, its answer time and the course count', async () => {
      const app = await createTestApp(ctx);
      await buildCourse(ctx.db);
      const health = await checkHealth(app);
      expect(health).toMatchObject({ status: 'ok', database: { kind: ctx.test.target.kind, ok: true } });
      expect(health.database.ms).toBeGreaterThanOrEqual(0);
      expect(health.courses).toBeGreaterThanOrEqual(1);
    });
  });
});

describe('checkHealth without a database', () => {
  it('says error (and logs it) instead of throwing when the database does not answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labmig-health-'));
    const db = openDatabase({ kind: 'sqlite', path: join(dir, 'gone.sqlite') });
    await db.destroy();
    const logged: unknown[] = [];
    const app = {
      db,
      config: { database: { kind: 'sqlite' } },
      logger: { error: (...args: unknown[]) => logged.push(args) },
    } as unknown as Parameters<typeof checkHealth>[0];
    expect(await checkHealth(app, 'req-1')).toEqual({
      status: 'error',
      database: { kind: 'sqlite', ok: false },
    });
    expect(logged).toHaveLength(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
