import {
  listenForNotifications,
  notificationChannel,
  sendNotification,
  type BackoffOptions,
  type Database,
  type Kysely,
  type NotificationListener,
} from '@labmig/db';
import type { BusClock, BusLogger, EventBus } from './event-bus.ts';
import { EventDispatcher } from './event-dispatcher.ts';
import { createLiveEvent, parseLiveEvent } from './live-event.ts';

/** Where the PostgreSQL bus publishes and listens. */
export interface PostgresBusTarget {
  readonly url: string;
  /** The database schema, when the campus lives in one (channels are per database, so it goes into the name). */
  readonly schema?: string;
}

/**
 * The bus across processes: `publish` sends a NOTIFY through the app's pool; one dedicated connection per process
 * LISTENs (opened at the first subscription, so CLI commands that only publish open none) and hands each event to
 * this process's subscribers. Every process, the publisher included, receives events in commit order. When the
 * LISTEN connection drops it reconnects with backoff and subscribers get `onResync`.
 */
export function createPostgresEventBus(
  db: Kysely<Database>,
  target: PostgresBusTarget,
  clock: BusClock,
  logger: BusLogger,
  backoff?: BackoffOptions,
): EventBus & { listener(): NotificationListener | undefined } {
  const channel = notificationChannel('labmig_events', target.schema);
  const dispatcher = new EventDispatcher((error, event) =>
    logger.error('live event subscriber failed', { topic: event.topic, type: event.type, error }),
  );
  let listener: NotificationListener | undefined;
  const ensureListening = () => {
    listener ??= listenForNotifications(
      target.url,
      channel,
      {
        onNotification(payload) {
          const event = parseLiveEvent(payload);
          if (event) dispatcher.dispatch(event);
          else logger.warn('live event ignored: not an event', { channel, bytes: payload.length });
        },
        onReconnected() {
          logger.info('live events: listening again', { channel });
          dispatcher.resyncAll();
        },
        onConnectionError(error, retryInMs) {
          logger.warn('live events: connection lost, retrying', { channel, error: error.message, retryInMs });
        },
      },
      backoff,
    );
    return listener;
  };
  return {
    kind: 'postgres',
    async publish(topic, type, data = {}) {
      const event = createLiveEvent(topic, type, data, clock.now());
      await sendNotification(db, channel, JSON.stringify(event));
      return event;
    },
    subscribe(topics, handlers) {
      const subscription = dispatcher.subscribe(topics, handlers);
      ensureListening();
      return subscription;
    },
    replaySince: (topics, lastEventId) => dispatcher.replaySince(topics, lastEventId, clock.now().getTime()),
    subscriberCount: () => dispatcher.subscriberCount(),
    listener: () => listener,
    async close() {
      await listener?.close();
      listener = undefined;
    },
  };
}
