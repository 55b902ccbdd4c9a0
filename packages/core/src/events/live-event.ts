import { randomBytes } from 'node:crypto';

/** A JSON value an event may carry (ids, counts, states — never bodies). */
export type EventData = {
  readonly [key: string]: string | number | boolean | null | readonly (string | number)[];
};

/** One live event: what happened (`type`) on what (`topic`), with ids to re-read. */
export interface LiveEvent {
  /** Unique id (the SSE `id:`, resumable with `Last-Event-ID`). */
  readonly id: string;
  readonly topic: string;
  /** What happened, such as `post.created`. */
  readonly type: string;
  readonly data: EventData;
  /** When it was published (ISO-8601 UTC). */
  readonly at: string;
}

/**
 * The largest serialized event, in bytes. PostgreSQL's NOTIFY carries at most 8,000; the in-process bus holds
 * events to the same limit so code that works on SQLite works on PostgreSQL. Events carry ids; subscribers read the
 * rest from the database (after checking what the reader may see).
 */
export const MAX_EVENT_BYTES = 4_000;

const TOPIC = /^[a-z][a-z0-9-]{0,39}(:[A-Za-z0-9_.-]{1,80}){0,4}$/;
const TYPE = /^[a-z][a-z0-9_.-]{0,63}$/;

/**
 * True for a valid topic: a lower-case kind, then up to four `:`-separated parts (ids, names).
 * @example isValidTopic('cohort:42:forum') // true
 * @example isValidTopic('Cohort 42') // false
 */
export function isValidTopic(topic: string): boolean {
  return typeof topic === 'string' && TOPIC.test(topic);
}

/** Builds and checks an event. @throws RangeError for a bad topic or type, or an event over MAX_EVENT_BYTES. */
export function createLiveEvent(topic: string, type: string, data: EventData, at: Date): LiveEvent {
  if (!isValidTopic(topic)) throw new RangeError(`publish: invalid topic ${JSON.stringify(topic)}`);
  if (!TYPE.test(type)) throw new RangeError(`publish: invalid event type ${JSON.stringify(type)}`);
  const event: LiveEvent = { id: newEventId(at), topic, type, data, at: at.toISOString() };
  const size = Buffer.byteLength(JSON.stringify(event));
  if (size > MAX_EVENT_BYTES)
    throw new RangeError(
      `publish: event of ${size} bytes on ${topic} is over ${MAX_EVENT_BYTES}; send ids and let subscribers read the rest`,
    );
  return event;
}

/** Parses an event received from another process; undefined when it is not one. */
export function parseLiveEvent(text: string): LiveEvent | undefined {
  try {
    const value = JSON.parse(text) as Partial<LiveEvent>;
    if (
      typeof value.id === 'string' &&
      typeof value.topic === 'string' &&
      typeof value.type === 'string' &&
      typeof value.at === 'string' &&
      value.data !== null &&
      typeof value.data === 'object'
    )
      return value as LiveEvent;
  } catch {
    // not JSON: ignored (logged by the caller)
  }
  return undefined;
}

function newEventId(at: Date): string {
  return `${at.getTime().toString(36)}-${randomBytes(6).toString('base64url')}`;
}
