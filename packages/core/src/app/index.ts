/**
 * `@labmig/core/app` — configuration, the opened application (database, clock, logger, mailer) and its health.
 */
export { loadConfig, findRepoRoot, ConfigError, type Config, type LogLevel } from '../config/config.ts';
export { openApp, MigrationError, type App, type AppDeps } from './app.ts';
export { checkHealth, type HealthDto } from './health.queries.ts';
export { systemClock, fixedClock, type Clock } from '../shared/clock.ts';
export { createLogger, type Logger } from './logger.ts';
export { createMemoryMailer, type Mailer, type MailMessage } from '../mail/mailer.ts';
export { createSmtpMailer } from '../mail/smtp-mailer.ts';
export { createOutboxMailer } from '../mail/outbox-mailer.ts';
