import { describe, expect, it } from 'vitest';
import { createLogger, fixedClock } from '@labmig/core/app';
import { createMemoryEventBus, type EventBus } from '@labmig/core/events';
import { eventStreamResponse, openEventStreams } from './event-stream.ts';

const bus = (): EventBus => createMemoryEventBus(fixedClock('2026-03-10T09:00:00Z'), createLogger('silent'));

/** Reads a response's text as it arrives; `until` waits for a piece of text. */
function reader(response: Response) {
  const stream = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const pump = (async () => {
    for (;;) {
      const { value, done } = await stream.read();
      if (done) return;
      text += decoder.decode(value);
    }
  })();
  return {
    text: () => text,
    async until(piece: string | RegExp, ms = 2000) {
      const end = Date.now() + ms;
      while (!(typeof piece === 'string' ? text.includes(piece) : piece.test(text))) {
        if (Date.now() > end) throw new Error(`never received ${piece}; got:\n${text}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    cancel: () => stream.cancel(),
    pump,
  };
}

const request = (headers: Record<string, string> = {}, url = 'http://campus.test/live') => {
  const abort = new AbortController();
  return { request: new Request(url, { headers, signal: abort.signal }), abort };
};

describe('eventStreamResponse', () => {
  it('streams the events of its topics as SSE, with ids, types and the topic in the data', async () => {
    const b = bus();
    const { request: req } = request();
    const response = eventStreamResponse(b, req, { topics: ['thread:t1'], userId: 'u1' });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store, no-transform');
    const r = reader(response);
    await r.until(': connected');
    expect(r.text()).toMatch(/^retry: 3000\n/);
    const event = await b.publish('thread:t1', 'post.created', { postId: 'p1' });
    await b.publish('thread:t2', 'post.created', { postId: 'elsewhere' });
    await r.until('p1');
    expect(r.text()).toContain(
      `id: ${event.id}\nevent: post.created\ndata: {"topic":"thread:t1","postId":"p1"}\n\n`,
    );
    expect(r.text()).not.toContain('elsewhere');
    await r.cancel();
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const { request: req } = request();
    const r = reader(
      eventStreamResponse(bus(), req, { topics: ['thread:t1'], userId: 'u2', heartbeatMs: 20 }),
    );
    await r.until(': ping\n\n');
    await r.cancel();
  });

  it('resumes after Last-Event-ID with what was missed, and asks to re-read when it cannot', async () => {
    const b = bus();
    const first = await b.publish('thread:t1', 'post.created', { postId: 'p1' });
    await b.publish('thread:t1', 'post.created', { postId: 'p2' });
    await b.publish('thread:t1', 'post.edited', { postId: 'p2' });
    await new Promise((r) => setImmediate(r));
    const resumed = reader(
      eventStreamResponse(b, request({ 'last-event-id': first.id }).request, {
        topics: ['thread:t1'],
        userId: 'u3',
      }),
    );
    await resumed.until('event: post.edited');
    expect(resumed.text()).not.toContain('"p1"');
    expect(resumed.text().indexOf('event: post.created')).toBeLessThan(
      resumed.text().indexOf('event: post.edited'),
    );
    const lost = reader(
      eventStreamResponse(b, request({}, 'http://campus.test/live?lastEventId=gone').request, {
        topics: ['thread:t1'],
        userId: 'u3',
      }),
    );
    await lost.until('event: resync\ndata: {}\n\n');
    await resumed.cancel();
    await lost.cancel();
  });

  it('refuses a user’s connection past the cap with 429, and frees the place when a client leaves', async () => {
    const b = bus();
    const first = request();
    const streams = [first, request()].map(({ request: req }) =>
      reader(eventStreamResponse(b, req, { topics: ['user:u4'], userId: 'u4', maxPerUser: 2 })),
    );
    const refused = eventStreamResponse(b, request().request, {
      topics: ['user:u4'],
      userId: 'u4',
      maxPerUser: 2,
    });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Too many live connections');
    expect(openEventStreams('u4')).toBe(2);
    expect(b.subscriberCount()).toBe(2);
    first.abort.abort(); // the browser tab was closed
    expect(openEventStreams('u4')).toBe(1);
    expect(b.subscriberCount()).toBe(1);
    const again = eventStreamResponse(b, request().request, {
      topics: ['user:u4'],
      userId: 'u4',
      maxPerUser: 2,
    });
    expect(again.status).toBe(200);
    await streams[1]!.cancel();
    await again.body!.cancel();
    expect(openEventStreams('u4')).toBe(0);
    expect(b.subscriberCount()).toBe(0);
  });

  it('lets go of a client that stops reading', async () => {
    const b = bus();
    const response = eventStreamResponse(b, request().request, {
      topics: ['job:j1'],
      userId: 'u5',
      maxQueued: 4,
    });
    for (let i = 0; i < 10; i++) await b.publish('job:j1', 'job.progress', { progress: i / 10 });
    await new Promise((r) => setTimeout(r, 20));
    expect(b.subscriberCount()).toBe(0);
    expect(openEventStreams('u5')).toBe(0);
    await response.body!.cancel();
  });
});
