import type { BusClock, BusLogger, EventBus } from './event-bus.ts';
import { EventDispatcher } from './event-dispatcher.ts';
import { createLiveEvent } from './live-event.ts';

/**
 * The in-process bus (SQLite, one server process). `publish` delivers on the next turn of the event loop, never
 * inside the publisher's call, so a subscriber cannot slow down or break the request that published.
 */
export function createMemoryEventBus(clock: BusClock, logger: BusLogger): EventBus {
  const dispatcher = new EventDispatcher((error, event) =>
    logger.error('live event subscriber failed', { topic: event.topic, type: event.type, error }),
  );
  return {
    kind: 'memory',
    async publish(topic, type, data = {}) {
      const event = createLiveEvent(topic, type, data, clock.now());
      setImmediate(() => dispatcher.dispatch(event));
      return event;
    },
    subscribe: (topics, handlers) => dispatcher.subscribe(topics, handlers),
    replaySince: (topics, lastEventId) => dispatcher.replaySince(topics, lastEventId, clock.now().getTime()),
    subscriberCount: () => dispatcher.subscriberCount(),
    async close() {},
  };
}
