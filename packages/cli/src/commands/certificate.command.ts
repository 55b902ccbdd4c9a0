import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findRepoRoot, systemClock } from '@labmig/core/app';
import {
  buildDidDocument,
  createFileKeyStore,
  didWebFromOrigin,
  IssuerKeyError,
  readIssuerPublicKeys,
  resolveIssuerKeysDir,
  verifyCredential,
  type DidDocument,
} from '@labmig/core/certificates';
import { UsageError, type CliIo } from '../cli-io.ts';
import { parseOptions, parseOptionsAndPositionals } from '../parse-options.ts';
import { cliConfig } from '../with-app.ts';

/** The text of `labmig certificate --help`. */
export const CERTIFICATE_HELP = `Usage: labmig certificate <command>

  verify FILE [--did-document FILE] [--status-list FILE]... [--json]
        check a credential (Open Badges 3.0 JSON) offline: signature, issuer key, and revocation when a status
        list is given. Without --did-document, the DID document of this site's keys is used.
        Exit code 0 valid, 1 invalid (the reason is printed), 2 usage error.
  did   print this site's DID document (every public key it has signed with)
  rotate-key
        start a new signing key; credentials signed with the old keys keep verifying

Environment: ORIGIN (the issuer DID is did:web of it), ISSUER_KEYS_DIR (default data/keys).
`;

/** `labmig certificate …` */
export async function certificateCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    (sub === undefined ? io.stderr : io.stdout).write(CERTIFICATE_HELP);
    return sub === undefined ? 2 : 0;
  }
  const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
    verify,
    did: printDid,
    'rotate-key': rotateKey,
  };
  const run = Object.hasOwn(commands, sub) ? commands[sub] : undefined;
  if (!run) throw new UsageError(`unknown certificate command "${sub}" (verify, did, rotate-key)`);
  try {
    return await run(rest, io);
  } catch (error) {
    if (!(error instanceof IssuerKeyError)) throw error;
    io.stderr.write(`labmig certificate ${sub}: ${error.message}\n`);
    return 1;
  }
}

function site(io: CliIo): { did: string; keysDir: string } {
  const config = cliConfig(io);
  const origin = config.origin ?? `http://${config.host}:${config.port}`;
  return { did: didWebFromOrigin(origin), keysDir: resolveIssuerKeysDir(io.env, findRepoRoot(io.cwd)) };
}

async function readText(path: string, io: CliIo, what: string): Promise<string> {
  if (path === '-') return io.readStdin();
  try {
    return await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values: options, positionals: files } = parseOptionsAndPositionals(args, {
    'did-document': { type: 'string' },
    'status-list': { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (files.length !== 1)
    throw new UsageError('give exactly one credential FILE to verify (or - for standard input)');
  const credential = await readText(files[0] as string, io, 'credential');
  const didDocument = options['did-document']
    ? parseDidDocument(await readText(options['did-document'], io, 'DID document'), options['did-document'])
    : await localDidDocument(io);
  const statusLists = await Promise.all(
    (options['status-list'] ?? []).map((path) => readText(path, io, 'status list')),
  );
  const result = await verifyCredential(credential, {
    didDocument,
    statusLists,
    now: (io.clock ?? systemClock).now(),
  });
  if (options.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    io.stdout.write(`${result.verified ? 'valid' : 'invalid'}: ${result.reason}\n`);
    if (result.summary)
      io.stdout.write(
        `  ${result.summary.achievementName}\n  awarded to ${result.summary.recipientName} by ${result.summary.issuerName}` +
          ` on ${result.summary.validFrom}\n`,
      );
    if (result.verified && result.revocation === 'unchecked')
      io.stdout.write("  revocation not checked: pass the issuer's status list with --status-list FILE\n");
    if (result.code === 'issuer' && !options['did-document'])
      io.stdout.write(
        '  to check a credential of another issuer, pass its DID document with --did-document FILE\n',
      );
  }
  return result.verified ? 0 : 1;
}

function parseDidDocument(text: string, path: string): DidDocument {
  try {
    const doc = JSON.parse(text) as DidDocument;
    if (
      typeof doc.id === 'string' &&
      Array.isArray(doc.verificationMethod) &&
      Array.isArray(doc.assertionMethod)
    )
      return doc;
  } catch {
    // reported below
  }
  throw new UsageError(
    `${path} is not a DID document (JSON with "id", "verificationMethod" and "assertionMethod")`,
  );
}

async function localDidDocument(io: CliIo): Promise<DidDocument> {
  const { did, keysDir } = site(io);
  const keys = await readIssuerPublicKeys(keysDir);
  if (keys.length === 0)
    throw new UsageError(
      `this site has no issuer key in ${keysDir}; pass the issuer's DID document with --did-document FILE`,
    );
  return buildDidDocument(did, keys);
}

async function printDid(args: string[], io: CliIo): Promise<number> {
  parseOptions(args, {});
  io.stdout.write(`${JSON.stringify(await localDidDocument(io), null, 2)}\n`);
  return 0;
}

async function rotateKey(args: string[], io: CliIo): Promise<number> {
  parseOptions(args, {});
  const { keysDir } = site(io);
  const before = (await readIssuerPublicKeys(keysDir)).map((key) => key.keyId);
  const { keyId } = await createFileKeyStore(keysDir, io.clock ?? systemClock).rotate();
  io.stdout.write(
    `${keyId} signs from now on (${keysDir}).` +
      (before.length > 0
        ? ` ${before.join(', ')} stay in the DID document, so what they signed keeps verifying.`
        : '') +
      '\n',
  );
  return 0;
}
