import type { VerificationCode, VerificationResult } from './credential.verify.ts';
import { LoaderRefusal } from './document-loader.ts';

type LibraryError = Error & {
  errors?: unknown[];
  cause?: unknown;
  details?: { cause?: unknown; event?: { details?: { property?: string; type?: string; value?: unknown } } };
};

/** Every error inside a library error: jsonld-signatures collects them in `errors`, jsonld nests them in `cause`. */
function flatten(error: unknown, seen = new Set<unknown>()): LibraryError[] {
  if (!(error instanceof Error) || seen.has(error)) return [];
  seen.add(error);
  const e = error as LibraryError;
  return [
    e,
    ...(e.errors ?? []).flatMap((inner) => flatten(inner, seen)),
    ...flatten(e.cause, seen),
    ...flatten(e.details?.cause, seen),
  ];
}

const RULES: readonly [RegExp, VerificationCode, (message: string) => string][] = [
  [
    /^Invalid signature\.$/,
    'signature',
    () => 'The signature does not match the content: the credential was changed after it was signed.',
  ],
  [/before "validFrom"/, 'not-yet-valid', (m) => `Not valid yet: ${m}`],
  [/after "validUntil"/, 'expired', (m) => `Expired: ${m}`],
  [/issuer must match the verification method controller/i, 'issuer', (m) => `Wrong issuer: ${m}`],
  [/not authorized by the controller/i, 'key', (m) => `The key is not one the issuer signs with: ${m}`],
  [
    /No matching proofs found/,
    'proof',
    () => 'The proof is not a DataIntegrityProof made with eddsa-rdfc-2022.',
  ],
];

/**
 * Turns an error of `@digitalbazaar/vc` (and the libraries below it) into a failed verification with a code and a
 * sentence a person understands.
 */
export function explainFailure(error: unknown): VerificationResult {
  const all = flatten(error);
  const result = (code: VerificationCode, reason: string): VerificationResult => ({
    verified: false,
    code,
    reason,
    revocation: null,
  });
  const refusal = all.find((e): e is LoaderRefusal => e instanceof LoaderRefusal);
  if (refusal) {
    const code = refusal.kind === 'key' ? 'key' : refusal.kind === 'did' ? 'issuer' : 'context';
    return result(code, `Cannot verify: ${refusal.message}.`);
  }
  const safeMode = all.find((e) => e.name === 'jsonld.ValidationError');
  if (safeMode) {
    const detail = safeMode.details?.event?.details;
    const what = detail?.property ?? detail?.type ?? JSON.stringify(detail?.value ?? '?');
    return result(
      'undefined-term',
      `The credential uses "${what}" where its JSON-LD contexts define no such term, so it is not what was signed.`,
    );
  }
  for (const e of all) {
    for (const [pattern, code, say] of RULES)
      if (pattern.test(e.message)) return result(code, say(e.message));
  }
  const first = all.find((e) => !Array.isArray(e.errors)) ?? all[0];
  return result('not-a-credential', `Not a valid credential: ${first?.message ?? String(error)}`);
}
