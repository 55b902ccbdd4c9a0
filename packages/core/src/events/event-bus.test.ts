import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { fixedClock } from '../shared/clock.ts';
import { createLogger } from '../app/logger.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { EventBus } from './event-bus.ts';
import { eventCollector } from './testing/event-collector.ts';
import { MAX_EVENT_BYTES } from './live-event.ts';
import { createMemoryEventBus } from './memory-event-bus.ts';

const collector = eventCollector;

/** The behaviour every bus shares. */
function describeBus(name: string, open: () => Promise<{ bus: EventBus; close(): Promise<void> }>) {
  describe(`EventBus: ${name}`, () => {
    it('delivers an event to the subscribers of its topic only, in publish order', async () => {
      const { bus, close } = await open();
      const forum = collector();
      const other = collector();
      const both = collector();
      bus.subscribe(['cohort:c1:forum'], forum.handlers);
      bus.subscribe(['cohort:c2:forum'], other.handlers);
      bus.subscribe(['cohort:c1:forum', 'thread:t9'], both.handlers);
      await waitListening(bus);
      await bus.publish('cohort:c1:forum', 'thread.created', { threadId: 't1' });
      await bus.publish('thread:t9', 'post.created', { postId: 'p1' });
      await bus.publish('cohort:c1:forum', 'thread.created', { threadId: 't2' });
      await both.until(() => both.events.length === 3);
      await forum.until(() => forum.events.length === 2);
      expect(forum.events.map((e) => e.data.threadId)).toEqual(['t1', 't2']);
      expect(both.events.map((e) => e.type)).toEqual(['thread.created', 'post.created', 'thread.created']);
      await new Promise((r) => setTimeout(r, 50));
      expect(other.events).toEqual([]);
      await close();
    });

    it('stops delivering after close, and counts open subscriptions', async () => {
      const { bus, close } = await open();
      const c = collector();
      const sub = bus.subscribe(['job:j1'], c.handlers);
      expect(bus.subscriberCount()).toBe(1);
      await waitListening(bus);
      await bus.publish('job:j1', 'job.progress', { progress: 0.5 });
      await c.until(() => c.events.length === 1);
      sub.close();
      sub.close();
      expect(bus.subscriberCount()).toBe(0);
      await bus.publish('job:j1', 'job.progress', { progress: 0.6 });
      await new Promise((r) => setTimeout(r, 100));
      expect(c.events).toHaveLength(1);
      await close();
    });

    it('replays what came after a known event id, and says when it no longer knows the id', async () => {
      const { bus, close } = await open();
      const c = collector();
      bus.subscribe(['thread:a', 'thread:b'], c.handlers);
      await waitListening(bus);
      const first = await bus.publish('thread:a', 'post.created', { postId: '1' });
      await bus.publish('thread:b', 'post.created', { postId: '2' });
      await bus.publish('thread:c', 'post.created', { postId: '3' });
      await bus.publish('thread:a', 'post.created', { postId: '4' });
      await c.until(() => c.events.length === 3);
      expect(bus.replaySince(['thread:a', 'thread:b'], first.id)?.map((e) => e.data.postId)).toEqual([
        '2',
        '4',
      ]);
      expect(bus.replaySince(['thread:a'], 'unknown-id')).toBeUndefined();
      await close();
    });

    it('refuses bodies (events over the size limit), bad topics and bad types', async () => {
      const { bus, close } = await open();
      await expect(
        bus.publish('thread:a', 'post.created', { body: 'x'.repeat(MAX_EVENT_BYTES) }),
      ).rejects.toThrow(/send ids/);
      await expect(bus.publish('Thread A', 'post.created')).rejects.toThrow(/invalid topic/);
      await expect(bus.publish('thread:a', 'Post Created')).rejects.toThrow(/invalid event type/);
      expect(() => bus.subscribe(['thread:a', '../x'], collector().handlers)).toThrow(/invalid topic/);
      await close();
    });

    it('keeps delivering to others when one subscriber throws', async () => {
      const { bus, close } = await open();
      const good = collector();
      bus.subscribe(['thread:x'], {
        onEvent: () => {
          throw new Error('broken subscriber');
        },
      });
      bus.subscribe(['thread:x'], good.handlers);
      await waitListening(bus);
      await bus.publish('thread:x', 'post.created', { postId: '1' });
      await good.until(() => good.events.length === 1);
      await close();
    });
  });
}

async function waitListening(bus: EventBus) {
  const pg = bus as EventBus & { listener?: () => { ready: Promise<void> } | undefined };
  await pg.listener?.()?.ready;
}

describeBus('in-process', async () => {
  const bus = createMemoryEventBus(fixedClock('2026-03-10T09:00:00Z'), createLogger('silent'));
  return { bus, close: () => bus.close() };
});

forEachDialect((ctx) => {
  describeBus(`the app's bus on ${ctx.dialect}`, async () => {
    const app = await createTestApp(ctx);
    expect(app.events.kind).toBe(ctx.dialect === 'postgres' ? 'postgres' : 'memory');
    return { bus: app.events, close: () => app.close() };
  });
});
