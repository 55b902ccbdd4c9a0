import { createCohort } from '@labmig/core/cohorts';
import { DomainValidationError } from '@labmig/core/errors';
import { UsageError, type CliIo } from '../cli-io.ts';
import { parseOptions, positiveInteger, required } from '../parse-options.ts';
import { withApp } from '../with-app.ts';

/**
 * `labmig cohort create --course SLUG --start DATE --end DATE [--capacity N] [--title T] [--time-zone Z]
 * [--language en|fr] [--enrol-opens ISO] [--enrol-closes ISO] [--no-waitlist] [--no-email-confirmation]`. Prints the
 * new cohort's id. `--no-email-confirmation` lets learners enrol before they confirmed their address.
 */
export async function cohortCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create')
    throw new UsageError(sub ? `unknown cohort command: ${sub}` : 'cohort needs a command: create');
  const o = parseOptions(rest, {
    course: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    capacity: { type: 'string' },
    title: { type: 'string' },
    'time-zone': { type: 'string' },
    language: { type: 'string' },
    'enrol-opens': { type: 'string' },
    'enrol-closes': { type: 'string' },
    'no-waitlist': { type: 'boolean' },
    'no-email-confirmation': { type: 'boolean' },
  });
  const input = {
    courseSlug: required(o.course, 'course'),
    startsOn: required(o.start, 'start'),
    endsOn: required(o.end, 'end'),
    capacity: positiveInteger(o.capacity, 'capacity') ?? null,
    waitlistEnabled: !o['no-waitlist'],
    requireConfirmedEmail: !o['no-email-confirmation'],
    ...(o.title ? { title: o.title } : {}),
    ...(o['time-zone'] ? { timeZone: o['time-zone'] } : {}),
    ...(o.language ? { language: o.language as 'en' | 'fr' } : {}),
    ...(o['enrol-opens'] ? { enrolOpensAt: o['enrol-opens'] } : {}),
    ...(o['enrol-closes'] ? { enrolClosesAt: o['enrol-closes'] } : {}),
  };
  const cohort = await withApp(io, (app) => createCohort(app, input)).catch((error: unknown) => {
    throw error instanceof DomainValidationError ? renameFields(error) : error;
  });
  io.stdout.write(`created cohort ${cohort.id}: ${cohort.title} (${cohort.starts_on} – ${cohort.ends_on})\n`);
  return 0;
}

const OPTION_OF: Record<string, string> = {
  courseSlug: '--course',
  startsOn: '--start',
  endsOn: '--end',
  timeZone: '--time-zone',
  enrolOpensAt: '--enrol-opens',
  enrolClosesAt: '--enrol-closes',
};

/** Names the command-line options instead of the schema's fields in validation messages. */
function renameFields(error: DomainValidationError): DomainValidationError {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields ?? {}))
    fields[OPTION_OF[field] ?? `--${field}`] = message;
  return new DomainValidationError(fields);
}
