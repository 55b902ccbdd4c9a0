import { migrateToLatest, openDatabase, type Database, type Kysely } from '@labmig/db';
import { ConfigError, type Config } from '../config/config.ts';
import type { EventBus } from '../events/event-bus.ts';
import { createMemoryEventBus } from '../events/memory-event-bus.ts';
import { createPostgresEventBus } from '../events/postgres-event-bus.ts';
import { createWorkerPool, type WorkerPool } from '../workers/worker-pool.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { createLocalFileStorage } from '../storage/local-file-storage.ts';
import { createOutboxMailer } from '../mail/outbox-mailer.ts';
import { createSmtpMailer } from '../mail/smtp-mailer.ts';
import type { Mailer } from '../mail/mailer.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { createLogger, type Logger } from './logger.ts';

/** Everything a command needs: the database and the outside world, injected. */
export interface App {
  readonly db: Kysely<Database>;
  readonly config: Config;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly logger: Logger;
  /** Uploaded files (local folder `FILES_DIR` by default). */
  readonly storage: FileStorage;
  /** Live events: in-process on SQLite, LISTEN/NOTIFY on PostgreSQL. */
  readonly events: EventBus;
  /** Worker threads for CPU-heavy tasks (started at first use). */
  readonly workers: WorkerPool;
  /** Closes the live-event connection, the mail transport and the database. */
  close(): Promise<void>;
}

/** Optional replacements for the outside world (tests). */
export interface AppDeps {
  readonly clock?: Clock;
  readonly mailer?: Mailer;
  readonly logger?: Logger;
  readonly storage?: FileStorage;
  readonly events?: EventBus;
  /** Use an already open database instead of opening `config.database` (tests). */
  readonly db?: Kysely<Database>;
}

/** A migration failed while opening the app. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Opens the database, runs pending migrations and wires the mailer (SMTP when `SMTP_URL` is set,
 * else the outbox table). Throws MigrationError naming the failed migration.
 */
export async function openApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const db = deps.db ?? openDatabase(config.database);
  const logger = deps.logger ?? createLogger(config.logLevel);
  const result = await migrateToLatest(db, {
    schema: config.database.kind === 'postgres' ? config.database.schema : undefined,
  });
  if (result.error !== undefined) {
    const failed = result.results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    if (!deps.db) await db.destroy();
    throw new MigrationError(
      `migration ${failed} failed: ${String((result.error as Error)?.message ?? result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  for (const r of result.results)
    logger.info('migration applied', { migration: r.migrationName, status: r.status });
  const clock = deps.clock ?? systemClock;
  let storage: FileStorage;
  try {
    storage = deps.storage ?? (await createLocalFileStorage(config.filesDir));
  } catch (error) {
    if (!deps.db) await db.destroy();
    throw new ConfigError('FILES_DIR', `cannot be used (${(error as Error).message})`);
  }
  const events =
    deps.events ??
    (config.database.kind === 'postgres'
      ? createPostgresEventBus(db, config.database, clock, logger)
      : createMemoryEventBus(clock, logger));
  const mailer =
    deps.mailer ??
    (config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : createOutboxMailer(db, clock));
  let workers: WorkerPool | undefined;
  return {
    db,
    config,
    clock,
    mailer,
    logger,
    storage,
    events,
    get workers() {
      workers ??= createWorkerPool({
        logger,
        ...(config.workerThreads ? { size: config.workerThreads } : {}),
      });
      return workers;
    },
    async close() {
      await workers?.close();
      await events.close();
      await mailer.close?.();
      if (!deps.db) await db.destroy();
    },
  };
}
