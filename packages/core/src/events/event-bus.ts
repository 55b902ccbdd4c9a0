import type { EventData, LiveEvent } from './live-event.ts';

/** What a subscriber is told. */
export interface SubscriptionHandlers {
  onEvent(event: LiveEvent): void;
  /**
   * Events may have been missed (the bus lost its connection to PostgreSQL and got it back): re-read the state.
   * The SSE helper forwards this as a `resync` event.
   */
  onResync?(): void;
}

/** An open subscription; `close` stops it (idempotent). */
export interface Subscription {
  close(): void;
}

/**
 * Publish/subscribe for live updates (forum posts, support chat, job progress). In one process on SQLite; across
 * every process sharing a PostgreSQL database with LISTEN/NOTIFY. Delivery is at most once and best effort: events
 * say that something changed (ids), and subscribers read the state from the database, so a missed event costs a
 * refresh, never data.
 *
 * Authorization is the feature's job: check `can()` for the actor and the topic's resource *before* subscribing.
 */
export interface EventBus {
  readonly kind: 'memory' | 'postgres';
  /**
   * Publishes an event to every subscriber of `topic` in every process. Call it after the transaction that made the
   * change committed (subscribers re-read at once). @throws RangeError for a bad topic/type or an event over
   * MAX_EVENT_BYTES
   */
  publish(topic: string, type: string, data?: EventData): Promise<LiveEvent>;
  /** Subscribes to one or more topics. @throws RangeError for a bad topic */
  subscribe(topics: readonly string[], handlers: SubscriptionHandlers): Subscription;
  /**
   * The events on `topics` that this process received after the event `lastEventId`, oldest first, when it still
   * remembers that event (the last 2,000 events, up to 15 minutes); undefined when it does not (then re-read).
   */
  replaySince(topics: readonly string[], lastEventId: string): LiveEvent[] | undefined;
  /** Number of open subscriptions in this process (for health and benchmarks). */
  subscriberCount(): number;
  close(): Promise<void>;
}

/** The time, as the app's clock gives it (events are stamped with it). */
export interface BusClock {
  now(): Date;
}

/** Where a bus reports trouble (the app's logger fits). */
export interface BusLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}
