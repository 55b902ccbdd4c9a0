import { processIo, UsageError, type CliIo } from './cli-io.ts';

/** The text of `labmig --help`. */
export const HELP = `Usage: labmig <command> [options]

Commands:
  start                       build the web app if needed, then serve (what "npm start" runs)
  serve [--workers N]         run migrations and the content import, then serve apps/web/build on HOST:PORT
                              (--workers: N processes on one port, PostgreSQL only)
  migrate                     run pending database migrations
  content import [DIR]        validate and load the course files (default: CONTENT_DIR, ./content)
  content check [DIR]         validate the course files; errors as file:line: message
  user create --email E --name N --role admin|user [--password-stdin]
              [--country CC] [--organisation-type T] [--job-title J] [--locale en|fr]
                              create an account (a random password is printed unless --password-stdin)
  cohort create --course SLUG --start YYYY-MM-DD --end YYYY-MM-DD [--capacity N] [--title T]
              [--time-zone ZONE] [--language en|fr] [--enrol-opens ISO] [--enrol-closes ISO] [--no-waitlist]
              [--no-email-confirmation]
                              open a new cohort (edition) of an imported course; prints its id
  enrol --cohort ID --email E --role learner|tutor|manager
                              put a user into a cohort
  demo                        create a running demo cohort with a manager, a tutor and learners (idempotent)
  stats ...                   the statistics engine (labmig stats --help)
  quiz check FILE.gift...     validate GIFT question files; quiz parse FILE.gift --json prints them
  certificate verify FILE     check a certificate credential offline and say why it fails (labmig certificate --help)

Environment: DATABASE_URL (postgres://…) and DATABASE_SCHEMA, or DATABASE_PATH (SQLite, default
data/labmig.sqlite), SMTP_URL, MAIL_FROM, ORIGIN, HOST (127.0.0.1), PORT (3000), CONTENT_DIR, FILES_DIR (data/files),
WORKER_THREADS, SESSION_DAYS, SIGNUP_LIMIT_PER_HOUR (20), LOG_LEVEL.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

// Loaded on demand so that `labmig --help` or `labmig stats` do not load the whole campus.
const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./commands/start.command.ts')).startCommand,
  serve: async () => (await import('./commands/serve.command.ts')).serveCommand,
  migrate: async () => (await import('./commands/migrate.command.ts')).migrateCommand,
  content: async () => (await import('./commands/content.command.ts')).contentCommand,
  user: async () => (await import('./commands/user.command.ts')).userCommand,
  cohort: async () => (await import('./commands/cohort.command.ts')).cohortCommand,
  enrol: async () => (await import('./commands/enrol.command.ts')).enrolCommand,
  demo: async () => (await import('./commands/demo.command.ts')).demoCommand,
  stats: async () => (await import('./commands/stats.command.ts')).statsCommand,
  quiz: async () => (await import('./commands/quiz.command.ts')).quizCommand,
  certificate: async () => (await import('./commands/certificate.command.ts')).certificateCommand,
};

/**
 * Runs the `labmig` command line. Returns the exit code: 0 success, 1 failure (message on stderr),
 * 2 usage error. Never throws for expected problems.
 */
export async function main(args: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(HELP);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`labmig: unknown command "${name}". Run "labmig --help".\n`);
    return 2;
  }
  if (!['stats', 'quiz', 'certificate'].includes(name) && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout.write(HELP);
    return 0;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    return reportError(name, error, io);
  }
}

async function reportError(name: string, error: unknown, io: CliIo): Promise<number> {
  if (error instanceof UsageError) {
    io.stderr.write(`labmig ${name}: ${error.message}\nRun "labmig --help" for usage.\n`);
    return 2;
  }
  const { ConfigError, MigrationError } = await import('@labmig/core/app');
  const { isDomainError } = await import('@labmig/core/errors');
  if (isDomainError(error)) {
    const fields = Object.entries(error.fields ?? {}).map(([field, message]) => `\n  ${field}: ${message}`);
    io.stderr.write(`labmig ${name}: ${error.localize('en')}${fields.join('')}\n`);
    return 1;
  }
  if (error instanceof ConfigError || error instanceof MigrationError) {
    io.stderr.write(`labmig ${name}: ${error.message}\n`);
    return 1;
  }
  io.stderr.write(
    `labmig ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}
