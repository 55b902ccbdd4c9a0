import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { Clock } from '../shared/clock.ts';

/** One public key of the issuer, as listed in its DID document. */
export interface IssuerPublicKey {
  /** The fragment of the verification method: `key-1`, `key-2`, … (numbers never reused). */
  readonly keyId: string;
  readonly publicKeyMultibase: string;
  readonly createdAt: string;
  /** When a newer key took over; null for the key that signs now. */
  readonly retiredAt: string | null;
}

/** The key that signs now, with its secret half. */
export interface IssuerSigningKey extends IssuerPublicKey {
  readonly secretKeyMultibase: string;
}

/**
 * Where the issuer's Ed25519 keys live. The key that signs is the newest; older keys keep only their public half
 * so that credentials they signed keep verifying.
 */
export interface IssuerKeyStore {
  /** The key that signs now; the first call on an empty store creates `key-1`. */
  signingKey(): Promise<IssuerSigningKey>;
  /** Every key the issuer has signed with, oldest first (creates `key-1` if there is none yet). */
  publicKeys(): Promise<readonly IssuerPublicKey[]>;
  /** Creates the next key (`key-N+1`), which signs from now on; the previous key loses its secret half. */
  rotate(): Promise<IssuerSigningKey>;
}

/** A key store that cannot be used as it is (bad file, unsafe permissions); the message says what to do. */
export class IssuerKeyError extends Error {
  override readonly name = 'IssuerKeyError';
}

/** The fragment of the n-th key. */
export function keyIdOf(n: number): string {
  return `key-${n}`;
}

/** The number in `key-N`, or NaN. */
export function keyNumber(keyId: string): number {
  const match = /^key-([1-9]\d*)$/.exec(keyId);
  return match ? Number(match[1]) : Number.NaN;
}

/** Generates a fresh Ed25519 key pair for `key-N`. */
export async function generateIssuerKey(n: number, clock: Clock): Promise<IssuerSigningKey> {
  const pair = await Ed25519Multikey.generate();
  if (!pair.secretKeyMultibase) throw new Error('Ed25519Multikey.generate returned no secret key');
  return {
    keyId: keyIdOf(n),
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: pair.secretKeyMultibase,
    createdAt: clock.now().toISOString(),
    retiredAt: null,
  };
}

/** The public half of a key. */
export function publicHalf(key: IssuerPublicKey): IssuerPublicKey {
  return {
    keyId: key.keyId,
    publicKeyMultibase: key.publicKeyMultibase,
    createdAt: key.createdAt,
    retiredAt: key.retiredAt,
  };
}

/** A key store in memory (tests, tools); keys vanish with the process. */
export function createMemoryKeyStore(clock: Clock): IssuerKeyStore {
  const keys: (IssuerPublicKey | IssuerSigningKey)[] = [];
  let pending: Promise<IssuerSigningKey> | undefined;
  const current = (): IssuerSigningKey => keys[keys.length - 1] as IssuerSigningKey;
  const ensure = async (): Promise<IssuerSigningKey> => {
    if (keys.length > 0) return current();
    pending ??= generateIssuerKey(1, clock).then((key) => {
      keys.push(key);
      return key;
    });
    return pending;
  };
  return {
    signingKey: ensure,
    async publicKeys() {
      await ensure();
      return keys.map(publicHalf);
    },
    async rotate() {
      const previous = await ensure();
      const next = await generateIssuerKey(keys.length + 1, clock);
      keys[keys.length - 1] = { ...publicHalf(previous), retiredAt: next.createdAt };
      keys.push(next);
      return next;
    },
  };
}
