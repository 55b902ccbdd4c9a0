import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { DidDocument } from './did-web.ts';
import { createDocumentLoader } from './document-loader.ts';
import { OPEN_BADGE_CONTEXT } from './json-ld-contexts.ts';
import { readStatusBit } from './status-list.ts';
import { explainFailure } from './verification-reasons.ts';

/** Why a credential verified or not: stable codes for translations, beside the English `reason`. */
export type VerificationCode =
  | 'valid'
  | 'not-json'
  | 'not-a-credential'
  | 'context'
  | 'type'
  | 'issuer'
  | 'proof'
  | 'key'
  | 'undefined-term'
  | 'signature'
  | 'not-yet-valid'
  | 'expired'
  | 'revoked'
  | 'status-list';

/** Revocation state: `unchecked` when no status list was at hand, null when the credential has no status. */
export type RevocationState = 'active' | 'revoked' | 'unchecked' | null;

/** The answer of `verifyCredential`. */
export interface VerificationResult {
  readonly verified: boolean;
  readonly code: VerificationCode;
  /** One sentence in English that says why (for the CLI and logs). */
  readonly reason: string;
  readonly revocation: RevocationState;
  /** What the credential says, once its signature held (for display). */
  readonly summary?: CredentialSummary;
}

/** The parts of a verified credential a person wants to read. */
export interface CredentialSummary {
  readonly id: string;
  readonly recipientName: string;
  readonly achievementName: string;
  readonly issuerName: string;
  readonly issuerDid: string;
  readonly validFrom: string;
  readonly keyId: string;
}

/** What an offline verification may read: the issuer's DID document and, to check revocation, status lists. */
export interface VerifyOptions {
  readonly didDocument: DidDocument;
  /** Signed status list credentials (objects or JSON text), matched by their `id`. */
  readonly statusLists?: readonly (string | Readonly<Record<string, unknown>>)[];
  /** The time to verify at (default: now). */
  readonly now?: Date;
}

type Json = Record<string, unknown>;

const fail = (
  code: VerificationCode,
  reason: string,
  revocation: RevocationState = null,
): VerificationResult => ({
  verified: false,
  code,
  reason,
  revocation,
});

/**
 * Verifies an Open Badges 3.0 credential issued by labmig, offline: shape first (exact `@context`, types, issuer,
 * proof options — for precise reasons), then the Data Integrity proof with Digital Bazaar's `@digitalbazaar/vc`
 * (JSON-LD safe mode, the issuer key from the given DID document, `assertionMethod`), then the revocation bit in a
 * given, itself verified, status list. Never throws for a bad credential: the result says why.
 */
export async function verifyCredential(
  input: string | Json,
  options: VerifyOptions,
): Promise<VerificationResult> {
  const parsed = parse(input);
  if ('code' in parsed) return parsed;
  const credential = parsed.value;
  const shape = checkShape(credential, options.didDocument);
  if (shape) return shape;
  const lists = new Map<string, unknown>();
  for (const list of options.statusLists ?? []) {
    const value = parse(list);
    if ('code' in value)
      return fail('status-list', `A status list given is not a credential: ${value.reason}`);
    if (typeof value.value.id === 'string') lists.set(value.value.id, value.value);
  }
  const documentLoader = createDocumentLoader({ didDocuments: [options.didDocument] });
  const now = options.now ?? new Date();
  const suite = new DataIntegrityProof({ cryptosuite });
  let revocation: RevocationState = null;
  let statusFailure: VerificationResult | undefined;
  const result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    now,
    checkStatus: async () => {
      const status = await checkRevocation(credential, lists, options.didDocument, now);
      revocation = status.revocation;
      if (status.verified) return { verified: true };
      statusFailure = status;
      return { verified: false, error: new Error(status.reason) };
    },
  });
  if (statusFailure) return statusFailure;
  if (!result.verified) return explainFailure(result.error);
  const summary = summarise(credential);
  const checked =
    revocation === 'active'
      ? 'not revoked'
      : revocation === 'unchecked'
        ? 'revocation not checked (no status list given)'
        : 'it carries no revocation status';
  return {
    verified: true,
    code: 'valid',
    reason: `Signed by ${summary.issuerDid} with ${summary.keyId}; ${checked}.`,
    revocation,
    summary,
  };
}

function parse(input: string | Json): { value: Json } | VerificationResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return fail('not-json', `The file is not JSON (${(error as Error).message}).`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('not-a-credential', 'The JSON is not a credential (expected an object).');
  return { value: value as Json };
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkShape(credential: Json, didDocument: DidDocument): VerificationResult | undefined {
  const context = credential['@context'];
  if (
    !Array.isArray(context) ||
    context.length !== OPEN_BADGE_CONTEXT.length ||
    context.some((url, i) => url !== OPEN_BADGE_CONTEXT[i])
  ) {
    return fail(
      'context',
      `"@context" must be exactly ${JSON.stringify(OPEN_BADGE_CONTEXT)} in this order; found ${JSON.stringify(context)}.`,
    );
  }
  const type = credential.type;
  if (!Array.isArray(type) || !type.includes('VerifiableCredential') || !type.includes('OpenBadgeCredential'))
    return fail(
      'type',
      `"type" must list VerifiableCredential and OpenBadgeCredential; found ${JSON.stringify(type)}.`,
    );
  const issuer = credential.issuer;
  if (!isObject(issuer) || typeof issuer.id !== 'string')
    return fail('issuer', '"issuer" must be an object with the issuer\'s DID as "id".');
  if (issuer.id !== didDocument.id)
    return fail(
      'issuer',
      `Issued by ${issuer.id}, but the DID document at hand is that of ${didDocument.id}.`,
    );
  const proof = credential.proof;
  if (!isObject(proof)) return fail('proof', 'The credential has no proof (or more than one).');
  const expected: Record<string, string> = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    proofPurpose: 'assertionMethod',
  };
  for (const [field, value] of Object.entries(expected)) {
    if (proof[field] !== value)
      return fail('proof', `proof.${field} must be "${value}"; found ${JSON.stringify(proof[field])}.`);
  }
  const method = proof.verificationMethod;
  if (typeof method !== 'string' || !method.startsWith(`${didDocument.id}#`))
    return fail(
      'key',
      `proof.verificationMethod must be a key of ${didDocument.id}; found ${JSON.stringify(method)}.`,
    );
  if (!didDocument.verificationMethod.some((vm) => vm.id === method))
    return fail('key', `The issuer's DID document has no key ${method}.`);
  return undefined;
}

async function checkRevocation(
  credential: Json,
  lists: ReadonlyMap<string, unknown>,
  didDocument: DidDocument,
  now: Date,
): Promise<VerificationResult> {
  const entry = credential.credentialStatus;
  if (!isObject(entry) || entry.type !== 'BitstringStatusListEntry' || entry.statusPurpose !== 'revocation')
    return fail(
      'status-list',
      'credentialStatus must be one BitstringStatusListEntry with statusPurpose "revocation".',
    );
  const url = String(entry.statusListCredential);
  const list = lists.get(url) as Json | undefined;
  if (!list)
    return { verified: true, code: 'valid', reason: 'No status list given.', revocation: 'unchecked' };
  const listResult = await vc.verifyCredential({
    credential: list,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: createDocumentLoader({ didDocuments: [didDocument] }),
    now,
  });
  if (!listResult.verified) {
    const why = explainFailure(listResult.error);
    return fail('status-list', `The status list ${url} does not verify: ${why.reason}`, 'unchecked');
  }
  const subject = list.credentialSubject;
  if (list.issuer !== didDocument.id || !isObject(subject) || subject.statusPurpose !== 'revocation')
    return fail(
      'status-list',
      `The status list ${url} is not a revocation list of ${didDocument.id}.`,
      'unchecked',
    );
  let revoked: boolean;
  try {
    revoked = await readStatusBit(
      String(subject.encodedList),
      Number.parseInt(String(entry.statusListIndex), 10),
    );
  } catch (error) {
    return fail(
      'status-list',
      `The status list ${url} cannot be read: ${(error as Error).message}`,
      'unchecked',
    );
  }
  if (revoked)
    return fail(
      'revoked',
      `Revoked: the issuer's status list ${url} marks this credential as revoked.`,
      'revoked',
    );
  return { verified: true, code: 'valid', reason: 'Not revoked.', revocation: 'active' };
}

function summarise(credential: Json): CredentialSummary {
  const subject = credential.credentialSubject as Json;
  const achievement = subject.achievement as Json;
  const issuer = credential.issuer as Json;
  const proof = credential.proof as Json;
  return {
    id: String(credential.id),
    recipientName: String(subject.name),
    achievementName: String(achievement.name),
    issuerName: String(issuer.name),
    issuerDid: String(issuer.id),
    validFrom: String(credential.validFrom),
    keyId: String(proof.verificationMethod).split('#')[1] ?? '',
  };
}
