import type { EventBus, LiveEvent } from '@labmig/core/events';

/** How a stream behaves; the defaults suit browsers behind proxies that cut idle connections after 30–60 s. */
export interface EventStreamOptions {
  /** The topics to follow. Check `can()` for the actor and each topic's resource before calling. */
  readonly topics: readonly string[];
  /** The signed-in user (the per-user cap counts their open streams). */
  readonly userId: string;
  /** A comment line this often keeps proxies from closing an idle stream (default 20 s). */
  readonly heartbeatMs?: number;
  /** Open streams per user in this process (default 6: a few tabs); one more is refused with 429. */
  readonly maxPerUser?: number;
  /** How long the browser waits before reconnecting (default 3 s). */
  readonly retryMs?: number;
  /** A client this many messages behind is cut off; it reconnects and resumes (default 256). */
  readonly maxQueued?: number;
}

const open = new Map<string, number>();

/** Streams open for a user in this process (tests, health). */
export function openEventStreams(userId: string): number {
  return open.get(userId) ?? 0;
}

/**
 * Turns a subscription into a Server-Sent Events response. Each live event becomes `id:`, `event: <type>` and
 * `data: {"topic", …data}`; a comment line every `heartbeatMs` keeps the connection open; a client that comes back
 * with `Last-Event-ID` (or `?lastEventId=`) gets the events it missed when this process still has them, else a
 * `resync` event (re-read the page's state) — also sent when the bus lost events. The subscription ends when the
 * client disconnects. Events carry ids only: the page fetches what changed, through the feature's own checks.
 *
 * Use it from a `+server.ts` GET after authorizing:
 * @example return eventStreamResponse(locals.app.events, request, { topics: [liveTopics.thread(id)], userId })
 */
export function eventStreamResponse(bus: EventBus, request: Request, options: EventStreamOptions): Response {
  const maxPerUser = options.maxPerUser ?? 6;
  if ((open.get(options.userId) ?? 0) >= maxPerUser)
    return new Response(
      `Too many live connections (at most ${maxPerUser}); close another tab and reload.\n`,
      {
        status: 429,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'retry-after': '30',
          'cache-control': 'no-store',
        },
      },
    );
  open.set(options.userId, (open.get(options.userId) ?? 0) + 1);
  const encoder = new TextEncoder();
  const lastEventId =
    request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId') ?? undefined;
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        const send = (text: string) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) <= 0) {
            // The client does not read: let it go; it reconnects with Last-Event-ID and resumes.
            cleanup();
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(text));
        };
        const sendEvent = (event: LiveEvent) =>
          send(
            `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ topic: event.topic, ...event.data })}\n\n`,
          );
        const resync = () => send('event: resync\ndata: {}\n\n');
        // Subscribe first and hold live events until the missed ones are out, so none falls in between.
        let held: LiveEvent[] | undefined = [];
        const subscription = bus.subscribe(options.topics, {
          onEvent: (event) => (held ? held.push(event) : sendEvent(event)),
          onResync: resync,
        });
        send(`retry: ${options.retryMs ?? 3000}\n: connected\n\n`);
        const sentIds = new Set<string>();
        if (lastEventId) {
          const missed = bus.replaySince(options.topics, lastEventId);
          if (missed === undefined) resync();
          else
            for (const event of missed) {
              sentIds.add(event.id);
              sendEvent(event);
            }
        }
        for (const event of held) if (!sentIds.has(event.id)) sendEvent(event);
        held = undefined;
        const heartbeat = setInterval(() => send(': ping\n\n'), options.heartbeatMs ?? 20_000);
        cleanup = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          subscription.close();
          const n = (open.get(options.userId) ?? 1) - 1;
          if (n <= 0) open.delete(options.userId);
          else open.set(options.userId, n);
        };
        request.signal.addEventListener('abort', () => cleanup(), { once: true });
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: options.maxQueued ?? 256 },
  );
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      // Tells nginx (and others that read it) not to buffer the stream.
      'x-accel-buffering': 'no',
    },
  });
}
