import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Clock } from '../shared/clock.ts';
import {
  IssuerKeyError,
  generateIssuerKey,
  keyIdOf,
  keyNumber,
  publicHalf,
  type IssuerKeyStore,
  type IssuerPublicKey,
  type IssuerSigningKey,
} from './issuer-keys.ts';

const KEY_FILE = /^key-([1-9]\d*)\.json$/;

/** Where the keys live by default, relative to the repository root: beside the SQLite file, outside any dump. */
export const DEFAULT_KEYS_DIR = 'data/keys';

/**
 * A key store in a folder: one `key-N.json` per key, mode 0600, in a folder of mode 0700. A new file appears
 * complete or not at all (written aside, then hard-linked into place), so two processes starting at once agree
 * on `key-1`. A key file that others may read is refused (like ssh does), with the command that fixes it.
 */
export function createFileKeyStore(dir: string, clock: Clock): IssuerKeyStore {
  const list = () => listKeys(dir);

  async function create(key: IssuerSigningKey): Promise<boolean> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const target = join(dir, `${key.keyId}.json`);
    const aside = await writeAside(target, key);
    try {
      await link(aside, target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await unlink(aside);
    }
  }

  async function signingKey(): Promise<IssuerSigningKey> {
    let keys = await list();
    if (keys.length === 0) {
      await create(await generateIssuerKey(1, clock));
      keys = await list();
    }
    return newestWithSecret(keys, dir);
  }

  return {
    signingKey,
    async publicKeys() {
      await signingKey();
      return (await list()).map(publicHalf);
    },
    async rotate() {
      const keys = await list();
      const previous = keys[keys.length - 1];
      const next = await generateIssuerKey(keys.length === 0 ? 1 : keyNumber(previous.keyId) + 1, clock);
      if (!(await create(next))) {
        throw new IssuerKeyError(
          `Another process created ${next.keyId} at the same time; it signs from now on. Nothing else changed.`,
        );
      }
      if (previous && previous.retiredAt === null) {
        const retired = { ...publicHalf(previous), retiredAt: next.createdAt };
        const target = join(dir, `${previous.keyId}.json`);
        await rename(await writeAside(target, retired), target);
      }
      return next;
    },
  };
}

/** The keys in a folder, oldest first; none when the folder does not exist. Creates nothing. */
async function listKeys(dir: string): Promise<(IssuerPublicKey | IssuerSigningKey)[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const numbered = names
    .map((name) => ({ name, n: Number(KEY_FILE.exec(name)?.[1] ?? Number.NaN) }))
    .filter(({ n }) => !Number.isNaN(n))
    .sort((a, b) => a.n - b.n);
  return Promise.all(numbered.map(({ name, n }) => readKey(join(dir, name), n)));
}

/**
 * The public keys of a key folder, oldest first, without creating any (empty when there are none): for tools
 * that only read, such as the offline verifier and `labmig certificate did`.
 */
export async function readIssuerPublicKeys(dir: string): Promise<IssuerPublicKey[]> {
  return (await listKeys(dir)).map(publicHalf);
}

/**
 * The key folder from the environment: ISSUER_KEYS_DIR, else `data/keys`, relative paths from the repository root.
 */
export function resolveIssuerKeysDir(
  env: Readonly<Record<string, string | undefined>>,
  root: string,
): string {
  return resolve(root, env.ISSUER_KEYS_DIR?.trim() || DEFAULT_KEYS_DIR);
}

async function writeAside(target: string, key: IssuerPublicKey): Promise<string> {
  const aside = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(aside, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(key, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return aside;
}

async function readKey(path: string, n: number): Promise<IssuerPublicKey | IssuerSigningKey> {
  const info = await stat(path);
  if ((info.mode & 0o077) !== 0) {
    throw new IssuerKeyError(
      `The issuer key file ${path} can be read by other users (mode ${(info.mode & 0o777).toString(8)}). ` +
        `Run "chmod 600 ${path}" and start again.`,
    );
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new IssuerKeyError(`The issuer key file ${path} is not valid JSON; restore it from a backup.`);
  }
  const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
  if (
    data.keyId !== keyIdOf(n) ||
    !isText(data.publicKeyMultibase) ||
    !isText(data.createdAt) ||
    !(data.retiredAt === null || isText(data.retiredAt)) ||
    !(data.secretKeyMultibase === undefined || isText(data.secretKeyMultibase))
  ) {
    throw new IssuerKeyError(
      `The issuer key file ${path} does not hold key ${keyIdOf(n)} as labmig wrote it; restore it from a backup.`,
    );
  }
  return data as unknown as IssuerPublicKey | IssuerSigningKey;
}

function newestWithSecret(keys: readonly IssuerPublicKey[], dir: string): IssuerSigningKey {
  const newest = keys[keys.length - 1];
  if (!newest || !('secretKeyMultibase' in newest) || newest.retiredAt !== null) {
    throw new IssuerKeyError(
      `The newest issuer key in ${dir} has no secret half, so nothing can be signed. ` +
        'Restore the folder from a backup, or run "labmig certificate rotate-key" to start a new key.',
    );
  }
  return newest as IssuerSigningKey;
}
