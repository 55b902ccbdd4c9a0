import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../config/config.ts';
import { forEachDialect } from '@labmig/db/testing';
import { createLogger } from '../app/logger.ts';
import { createTestApp } from '../testing/test-app.ts';
import { createPostgresEventBus } from './postgres-event-bus.ts';
import { eventCollector } from './testing/event-collector.ts';
import type { LiveEvent } from './live-event.ts';

const BUS_PROCESS = fileURLToPath(new URL('./testing/bus-process.ts', import.meta.url));

forEachDialect((ctx) => {
  if (ctx.dialect !== 'postgres') {
    it('uses the in-process bus on SQLite', async () => {
      const app = await createTestApp(ctx);
      expect(app.events.kind).toBe('memory');
      await app.close();
    });
    return;
  }
  const target = () => ctx.test.target as { url: string; schema: string };

  describe('PostgreSQL bus across processes', () => {
    it('delivers a publish in one Node process to a subscriber in another, both ways', async () => {
      const app = await createTestApp(ctx);
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', BUS_PROCESS, target().url, target().schema, 'thread:t1'],
        {
          cwd: findRepoRoot(),
          stdio: ['pipe', 'pipe', 'inherit'],
        },
      );
      const lines: string[] = [];
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const parts = buffered.split('\n');
        buffered = parts.pop()!;
        lines.push(...parts);
      });
      const until = async (condition: () => boolean) => {
        const end = Date.now() + 20_000;
        while (!condition()) {
          if (Date.now() > end) throw new Error(`child said: ${lines.join(' | ')}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      try {
        await until(() => lines.includes('ready'));
        // This process publishes; the other one receives.
        const sent = await app.events.publish('thread:t1', 'post.created', { postId: 'p1' });
        await app.events.publish('thread:other', 'post.created', { postId: 'p2' });
        await until(() => lines.length >= 2);
        const received = JSON.parse(lines[1]!) as LiveEvent;
        expect(received).toEqual(sent);
        // The other process publishes; a subscriber here receives.
        const here = eventCollector();
        app.events.subscribe(['thread:t2'], here.handlers);
        await (app.events as unknown as { listener(): { ready: Promise<void> } }).listener().ready;
        child.stdin.write('publish thread:t2 post.created p3\n');
        await here.until(() => here.events.length === 1);
        expect(here.events[0]).toMatchObject({
          topic: 'thread:t2',
          type: 'post.created',
          data: { id: 'p3' },
        });
        expect(lines.slice(2)).toEqual([]); // the child never got thread:other
      } finally {
        child.stdin.end();
        await new Promise((resolve) => child.once('exit', resolve));
        await app.close();
      }
    }, 40_000);

    it('reconnects with backoff when its LISTEN connection is killed, and tells subscribers to re-read', async () => {
      const app = await createTestApp(ctx);
      const bus = createPostgresEventBus(ctx.db, target(), app.clock, createLogger('silent'), {
        minMs: 20,
        maxMs: 200,
      });
      const c = eventCollector();
      bus.subscribe(['job:j1'], c.handlers);
      await bus.listener()!.ready;
      const pid = bus.listener()!.backendPid()!;
      await sql`select pg_terminate_backend(${pid})`.execute(ctx.db);
      await c.until(() => c.resyncs() === 1);
      expect(bus.listener()!.backendPid()).not.toBe(pid);
      await bus.publish('job:j1', 'job.progress', { progress: 0.25 });
      await c.until(() => c.events.length === 1);
      expect(c.events[0]!.data).toEqual({ progress: 0.25 });
      await bus.close();
      await app.close();
    });

    it('keeps each database schema on its own channel', async () => {
      const app = await createTestApp(ctx);
      const elsewhere = createPostgresEventBus(
        ctx.db,
        { url: target().url, schema: 'another_campus' },
        app.clock,
        createLogger('silent'),
      );
      const c = eventCollector();
      elsewhere.subscribe(['thread:t1'], c.handlers);
      await elsewhere.listener()!.ready;
      await app.events.publish('thread:t1', 'post.created', { postId: 'p1' });
      await new Promise((r) => setTimeout(r, 200));
      expect(c.events).toEqual([]);
      await elsewhere.close();
      await app.close();
    });
  });
});
