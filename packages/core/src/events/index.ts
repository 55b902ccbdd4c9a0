/**
 * Live events: a publish/subscribe bus (in-process on SQLite, LISTEN/NOTIFY across processes on PostgreSQL) that
 * the web app turns into Server-Sent Events. `app.events` is the app's bus. See README.md in this folder.
 */
export type { BusClock, BusLogger, EventBus, Subscription, SubscriptionHandlers } from './event-bus.ts';
export { MAX_EVENT_BYTES, isValidTopic, type EventData, type LiveEvent } from './live-event.ts';
export { REPLAY_LIMIT, REPLAY_MAX_AGE_MS } from './event-dispatcher.ts';
export { createMemoryEventBus } from './memory-event-bus.ts';
export { createPostgresEventBus, type PostgresBusTarget } from './postgres-event-bus.ts';
export { liveTopics } from './topics.ts';
