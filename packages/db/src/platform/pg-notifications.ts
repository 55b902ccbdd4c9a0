import { sql, type Kysely } from 'kysely';
import pg from 'pg';

/** PostgreSQL's limit for a NOTIFY payload is 8,000 bytes; events stay well below (see core/events). */
export const PG_NOTIFY_MAX_BYTES = 7_999;

/**
 * The NOTIFY channel for a base name: the schema is appended when the database lives in one (tests, or several
 * campuses in one database), because channels are shared by the whole database, not per schema.
 * @example notificationChannel('labmig_events', 't_ab12') // 'labmig_events_t_ab12'
 */
export function notificationChannel(base: string, schema?: string): string {
  const name = schema ? `${base}_${schema}` : base;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid notification channel: ${name}`);
  return name;
}

/** Sends a notification on `channel` (delivered at commit when `db` is a transaction). */
export async function sendNotification<DB>(db: Kysely<DB>, channel: string, payload: string): Promise<void> {
  if (Buffer.byteLength(payload) > PG_NOTIFY_MAX_BYTES)
    throw new RangeError(
      `notification payload of ${Buffer.byteLength(payload)} bytes is over PostgreSQL's limit`,
    );
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

/** Callbacks of a listener. */
export interface NotificationHandlers {
  onNotification(payload: string): void;
  /** The connection was lost and is back: notifications sent meanwhile were missed. */
  onReconnected?(): void;
  /** A connection attempt failed or the connection dropped (logged by the caller); it retries on its own. */
  onConnectionError?(error: Error, retryInMs: number): void;
}

/** A running listener. */
export interface NotificationListener {
  /** Resolves once the first LISTEN is in place. */
  readonly ready: Promise<void>;
  /** The backend pid of the current connection (tests terminate it to check reconnection); undefined when down. */
  backendPid(): number | undefined;
  close(): Promise<void>;
}

/** Backoff between reconnection attempts: doubles from `minMs` to `maxMs`. */
export interface BackoffOptions {
  readonly minMs?: number;
  readonly maxMs?: number;
}

/**
 * LISTENs on `channel` over a dedicated connection (not from the pool: a pooled connection would be handed to
 * other queries). When the connection drops, it reconnects with exponential backoff (100 ms doubling to 10 s, with
 * jitter) and LISTENs again, then calls `onReconnected` so subscribers can catch up on what they missed.
 */
export function listenForNotifications(
  url: string,
  channel: string,
  handlers: NotificationHandlers,
  backoff: BackoffOptions = {},
): NotificationListener {
  const minMs = backoff.minMs ?? 100;
  const maxMs = backoff.maxMs ?? 10_000;
  let client: pg.Client | undefined;
  let pid: number | undefined;
  let closed = false;
  let failures = 0;
  let connectedOnce = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const scheduleReconnect = (error: Error) => {
    if (closed || timer) return;
    const delay = Math.min(maxMs, minMs * 2 ** failures) * (0.8 + Math.random() * 0.4);
    failures++;
    handlers.onConnectionError?.(error, Math.round(delay));
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('notification connection ended')));
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined)
        handlers.onNotification(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      const { rows } = await next.query<{ pid: number }>('select pg_backend_pid() as pid');
      if (closed) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      pid = rows[0]?.pid;
      failures = 0;
      if (connectedOnce) handlers.onReconnected?.();
      connectedOnce = true;
      resolveReady();
    } catch (error) {
      next.removeAllListeners('end');
      await next.end().catch(() => undefined);
      scheduleReconnect(error as Error);
    }
  };

  const lost = (which: pg.Client, error: Error) => {
    if (which !== client) return;
    client = undefined;
    pid = undefined;
    which.removeAllListeners('end');
    void which.end().catch(() => undefined);
    scheduleReconnect(error);
  };

  void connect();
  return {
    ready,
    backendPid: () => pid,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
    },
  };
}
