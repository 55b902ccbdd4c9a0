import type { Clock } from '../shared/clock.ts';
import { statusListUrl } from './certificate-urls.ts';
import { signCredential, type SignedCredential } from './credential.sign.ts';
import { verifyCredential, type VerificationResult } from './credential.verify.ts';
import { buildDidDocument, didWebFromOrigin, type DidDocument } from './did-web.ts';
import type { IssuerKeyStore } from './issuer-keys.ts';
import { buildAchievementCredential, type AchievementCredentialInput } from './open-badge.build.ts';
import { buildStatusListCredential, encodeRevocationList } from './status-list.ts';

/** Who issues, and with what. */
export interface CredentialIssuerOptions {
  /** The site's public origin (ORIGIN); the issuer's DID is derived from it. */
  readonly origin: string;
  /** The issuer's display name (`issuer.name`). */
  readonly issuerName: string;
  readonly keyStore: IssuerKeyStore;
  readonly clock: Clock;
}

/** What the issuer needs per credential; the issuer, the dates and the signature come from the service. */
export type IssueInput = Omit<AchievementCredentialInput, 'issuer' | 'awardedAt'> & {
  /** Defaults to the clock's now. */
  readonly awardedAt?: Date;
};

/** The issuing side of credentials: one DID, one key store, one clock. */
export interface CredentialIssuer {
  /** `did:web:…` of the site. */
  readonly did: string;
  /** The DID document to serve at `/.well-known/did.json` (every key, old ones too). */
  didDocument(): Promise<DidDocument>;
  /** Builds and signs one learner's credential with the current key. */
  issue(input: IssueInput): Promise<SignedCredential>;
  /** Signs revocation list number `list` (1-based) with the given indexes revoked. */
  signStatusList(list: number, revokedIndexes: Iterable<number>): Promise<SignedCredential>;
  /** Verifies a credential against this issuer's DID document and the given status lists. */
  verify(
    input: string | Record<string, unknown>,
    statusLists?: readonly string[],
  ): Promise<VerificationResult>;
  /** Starts a new signing key (`key-N+1`); credentials signed before keep verifying. */
  rotateKey(): Promise<string>;
}

/**
 * The credential issuer of a site: derives its DID from ORIGIN, signs with the newest key of `keyStore` (creating
 * `key-1` on first use), dates everything with `clock`.
 */
export function createCredentialIssuer(options: CredentialIssuerOptions): CredentialIssuer {
  const { origin, issuerName, keyStore, clock } = options;
  const did = didWebFromOrigin(origin);
  const didDocument = async () => buildDidDocument(did, await keyStore.publicKeys());
  return {
    did,
    didDocument,
    async issue(input) {
      const now = clock.now();
      const unsigned = buildAchievementCredential({
        ...input,
        issuer: { did, name: issuerName },
        awardedAt: input.awardedAt ?? now,
      });
      return signCredential(unsigned, { did, key: await keyStore.signingKey(), now });
    },
    async signStatusList(list, revokedIndexes) {
      const now = clock.now();
      const unsigned = buildStatusListCredential({
        url: statusListUrl(origin, list),
        issuerDid: did,
        encodedList: await encodeRevocationList(revokedIndexes),
        validFrom: now,
      });
      return signCredential(unsigned, { did, key: await keyStore.signingKey(), now });
    },
    async verify(input, statusLists = []) {
      return verifyCredential(input, { didDocument: await didDocument(), statusLists, now: clock.now() });
    },
    async rotateKey() {
      return (await keyStore.rotate()).keyId;
    },
  };
}
