import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialectContext } from '@labmig/db/testing';
import { openApp, type App } from '../app/app.ts';
import { fixedClock } from '../shared/clock.ts';
import { createLogger } from '../app/logger.ts';
import type { Config } from '../config/config.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { sendMailJob } from '../jobs/mail-send.job.ts';
import { createMemoryMailer, type MailMessage } from '../mail/mailer.ts';

/** A test app: the dialect's database, a fixed clock that tests can move, mail kept in memory, silent logs. */
export interface TestApp extends App {
  readonly clock: ReturnType<typeof fixedClock>;
  /** Mail the memory mailer has sent (queued mail goes out when `deliverMail` runs the mail jobs). */
  readonly sent: MailMessage[];
  /** Runs every due `mail.send` job, as the job runner would, and returns all mail sent so far (`sent`). */
  deliverMail(): Promise<MailMessage[]>;
}

// One folder per test process for uploads: keys are random ids, so test files never collide in it.
const TEST_FILES_DIR = join(tmpdir(), `labmig-test-files-${process.pid}`);
mkdirSync(TEST_FILES_DIR, { recursive: true });
// One folder per test process for the certificate issuer's keys (created with key-1 on first use).
const TEST_KEYS_DIR = join(tmpdir(), `labmig-test-keys-${process.pid}`);

/** Configuration for tests (no SMTP, 30-day sessions). */
export function testConfig(ctx: DialectContext, overrides: Partial<Config> = {}): Config {
  return {
    database: ctx.test.target,
    mailFrom: 'labmig <no-reply@example.org>',
    supportEmail: 'help@example.org',
    origin: 'http://127.0.0.1:3000',
    port: 3000,
    host: '127.0.0.1',
    contentDir: '/nonexistent',
    filesDir: TEST_FILES_DIR,
    issuerKeysDir: TEST_KEYS_DIR,
    issuerName: 'International Training Centre of the ILO',
    sessionDays: 30,
    signUpLimitPerHour: 20,
    logLevel: 'silent',
    ...overrides,
  };
}

/** Opens an App on the current test database at `now` (default 2026-03-10T09:00:00Z), `config` overriding the test config. */
export async function createTestApp(
  ctx: DialectContext,
  now = '2026-03-10T09:00:00.000Z',
  config: Partial<Config> = {},
): Promise<TestApp> {
  const mailer = createMemoryMailer();
  const clock = fixedClock(now);
  const app = await openApp(testConfig(ctx, config), {
    db: ctx.db,
    clock,
    mailer,
    logger: createLogger('silent'),
  });
  const runner = createJobRunner(app, { types: [sendMailJob], schedules: [] });
  const deliverMail = async () => {
    while ((await runner.runDue()) > 0);
    return mailer.sent;
  };
  return Object.assign(app, { clock, sent: mailer.sent, deliverMail });
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
