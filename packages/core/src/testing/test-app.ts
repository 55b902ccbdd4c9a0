import type { DialectContext } from '@labmig/db/testing';
import { openApp, type App } from '../app/app.ts';
import { fixedClock } from '../shared/clock.ts';
import { createLogger } from '../app/logger.ts';
import type { Config } from '../config/config.ts';
import { createMemoryMailer, type MailMessage } from '../mail/mailer.ts';

/** A test app: the dialect's database, a fixed clock that tests can move, mail kept in memory, silent logs. */
export interface TestApp extends App {
  readonly clock: ReturnType<typeof fixedClock>;
  readonly sent: MailMessage[];
}

/** Configuration for tests (no SMTP, 30-day sessions). */
export function testConfig(ctx: DialectContext, overrides: Partial<Config> = {}): Config {
  return {
    database: ctx.test.target,
    mailFrom: 'labmig <no-reply@example.org>',
    supportEmail: 'help@example.org',
    origin: 'https://campus.example.org',
    port: 3000,
    host: '127.0.0.1',
    contentDir: '/nonexistent',
    sessionDays: 30,
    logLevel: 'silent',
    ...overrides,
  };
}

/** Opens an App on the current test database at `now` (default 2026-03-10T09:00:00Z). */
export async function createTestApp(ctx: DialectContext, now = '2026-03-10T09:00:00.000Z'): Promise<TestApp> {
  const mailer = createMemoryMailer();
  const clock = fixedClock(now);
  const app = await openApp(testConfig(ctx), { db: ctx.db, clock, mailer, logger: createLogger('silent') });
  return Object.assign(app, { clock, sent: mailer.sent });
}

/** A valid sign-up input; `n` varies the email. */
export function signUpInput(n: number | string, overrides: Record<string, string> = {}) {
  return {
    name: `Learner ${n}`,
    email: `learner${n}@example.org`,
    password: 'correct horse battery',
    country: 'SN',
    organisationType: 'nso' as const,
    jobTitle: 'Statistician',
    locale: 'en' as const,
    ...overrides,
  };
}
