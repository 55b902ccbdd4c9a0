import { migrateToLatest, openDatabase, type Database, type Kysely } from '@labmig/db';
import type { Config } from '../config/config.ts';
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
  /** Closes the mail transport and the database. */
  close(): Promise<void>;
}

/** Optional replacements for the outside world (tests). */
export interface AppDeps {
  readonly clock?: Clock;
  readonly mailer?: Mailer;
  readonly logger?: Logger;
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
  const mailer =
    deps.mailer ??
    (config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : createOutboxMailer(db, clock));
  return {
    db,
    config,
    clock,
    mailer,
    logger,
    async close() {
      await mailer.close?.();
      if (!deps.db) await db.destroy();
    },
  };
}
