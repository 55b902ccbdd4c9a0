import { randomBytes } from 'node:crypto';
import { createUser, type OrganisationType } from '@labmig/core/accounts';
import { UsageError, type CliIo } from '../cli-io.ts';
import { parseOptions, required } from '../parse-options.ts';
import { withApp } from '../with-app.ts';

/**
 * `labmig user create --email E --name N --role admin|user [--password-stdin] [--country CC]
 * [--organisation-type T] [--job-title J] [--locale en|fr]`. Without --password-stdin a random password is
 * generated and printed once.
 */
export async function userCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create')
    throw new UsageError(sub ? `unknown user command: ${sub}` : 'user needs a command: create');
  const o = parseOptions(rest, {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    country: { type: 'string' },
    'organisation-type': { type: 'string' },
    'job-title': { type: 'string' },
    locale: { type: 'string' },
  });
  const role = required(o.role, 'role');
  if (role !== 'admin' && role !== 'user')
    throw new UsageError(`--role must be admin or user (got "${role}")`);
  let password: string;
  let generated = false;
  if (o['password-stdin']) {
    password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (password === '') throw new UsageError('--password-stdin given but standard input was empty');
  } else {
    password = randomBytes(12).toString('base64url');
    generated = true;
  }
  const user = await withApp(io, (app) =>
    createUser(
      app,
      {
        email: required(o.email, 'email'),
        name: required(o.name, 'name'),
        password,
        country: o.country ?? 'CH',
        organisationType: (o['organisation-type'] ?? 'other') as OrganisationType,
        jobTitle: o['job-title'] ?? (role === 'admin' ? 'Administrator' : 'Participant'),
        locale: (o.locale ?? 'en') as 'en' | 'fr',
      },
      { isAdmin: role === 'admin' },
    ),
  );
  io.stdout.write(`created ${role === 'admin' ? 'site admin' : 'user'} ${user.email} (id ${user.id})\n`);
  if (generated) io.stdout.write(`password: ${password}\n`);
  return 0;
}
