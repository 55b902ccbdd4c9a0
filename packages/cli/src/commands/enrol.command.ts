import { enrolUser } from '@labmig/core/cohorts';
import { UsageError, type CliIo } from '../cli-io.ts';
import { parseOptions, required } from '../parse-options.ts';
import { withApp } from '../with-app.ts';

const ROLES = ['learner', 'tutor', 'manager'] as const;

/** `labmig enrol --cohort ID --email E --role learner|tutor|manager` (ignores the enrolment window). */
export async function enrolCommand(args: string[], io: CliIo): Promise<number> {
  const o = parseOptions(args, {
    cohort: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
  });
  const role = required(o.role, 'role');
  if (!(ROLES as readonly string[]).includes(role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got "${role}")`);
  const input = {
    cohortId: required(o.cohort, 'cohort'),
    email: required(o.email, 'email'),
    role: role as (typeof ROLES)[number],
  };
  const result = await withApp(io, (app) => enrolUser(app, input));
  const what = result.changed ? 'enrolled' : 'already enrolled';
  io.stdout.write(`${what}: ${input.email} as ${role} in ${input.cohortId} (${result.status})\n`);
  return 0;
}
