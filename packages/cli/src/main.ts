import { ConfigError, isDomainError, MigrationError } from '@labmig/core';
import { processIo, UsageError, type CliIo } from './cli-io.ts';
import { cohortCommand } from './commands/cohort.command.ts';
import { contentCommand } from './commands/content.command.ts';
import { demoCommand } from './commands/demo.command.ts';
import { enrolCommand } from './commands/enrol.command.ts';
import { migrateCommand } from './commands/migrate.command.ts';
import { serveCommand } from './commands/serve.command.ts';
import { startCommand } from './commands/start.command.ts';
import { quizCommand } from './commands/quiz.command.ts';
import { statsCommand } from './commands/stats.command.ts';
import { userCommand } from './commands/user.command.ts';

export const HELP = `Usage: labmig <command> [options]

Commands:
  start                       build the web app if needed, then serve (what "npm start" runs)
  serve                       run migrations and the content import, then serve apps/web/build on HOST:PORT
  migrate                     run pending database migrations
  content import [DIR]        validate and load the course files (default: CONTENT_DIR, ./content)
  content check [DIR]         validate the course files; errors as file:line: message
  user create --email E --name N --role admin|user [--password-stdin]
              [--country CC] [--organisation-type T] [--job-title J] [--locale en|fr]
                              create an account (a random password is printed unless --password-stdin)
  cohort create --course SLUG --start YYYY-MM-DD --end YYYY-MM-DD [--capacity N] [--title T]
              [--time-zone ZONE] [--language en|fr] [--enrol-opens ISO] [--enrol-closes ISO] [--no-waitlist]
                              open a new cohort (edition) of an imported course; prints its id
  enrol --cohort ID --email E --role learner|tutor|manager
                              put a user into a cohort
  demo                        create a running demo cohort with a manager, a tutor and learners (idempotent)
  stats ...                   the statistics engine (labmig stats --help)
  quiz check FILE.gift...     validate GIFT question files; quiz parse FILE.gift --json prints them

Environment: DATABASE_URL (postgres://…) or DATABASE_PATH (SQLite, default data/labmig.sqlite), SMTP_URL,
MAIL_FROM, ORIGIN, HOST (127.0.0.1), PORT (3000), CONTENT_DIR, SESSION_DAYS, LOG_LEVEL.
`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  start: startCommand,
  serve: serveCommand,
  migrate: migrateCommand,
  content: contentCommand,
  user: userCommand,
  cohort: cohortCommand,
  enrol: enrolCommand,
  demo: demoCommand,
  stats: statsCommand,
  quiz: quizCommand,
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
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`labmig: unknown command "${name}". Run "labmig --help".\n`);
    return 2;
  }
  if (name !== 'stats' && name !== 'quiz' && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout.write(HELP);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    return reportError(name, error, io);
  }
}

function reportError(name: string, error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`labmig ${name}: ${error.message}\nRun "labmig --help" for usage.\n`);
    return 2;
  }
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
