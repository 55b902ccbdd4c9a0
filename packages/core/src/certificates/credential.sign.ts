import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { verificationMethodId } from './did-web.ts';
import { createDocumentLoader } from './document-loader.ts';
import type { IssuerSigningKey } from './issuer-keys.ts';

/** A signed credential: the object, and the exact JSON text to store and serve (never re-serialise the object). */
export interface SignedCredential {
  readonly credential: Readonly<Record<string, unknown>>;
  readonly json: string;
  /** Which issuer key signed it (`key-1`, …). */
  readonly keyId: string;
}

/**
 * Signs a credential with a Data Integrity proof (`DataIntegrityProof`, cryptosuite `eddsa-rdfc-2022`,
 * `proofPurpose: assertionMethod`, `verificationMethod: <did>#key-N`, `created: now`). Canonicalisation runs in
 * JSON-LD safe mode, so a property no bundled context defines throws instead of being dropped silently.
 * The text is left exactly as given (no Unicode normalisation): what is stored is what was signed.
 */
export async function signCredential(
  unsigned: Readonly<Record<string, unknown>>,
  options: { readonly did: string; readonly key: IssuerSigningKey; readonly now: Date },
): Promise<SignedCredential> {
  const { did, key, now } = options;
  const keyPair = await Ed25519Multikey.from({
    type: 'Multikey',
    id: verificationMethodId(did, key.keyId),
    controller: did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), date: now, cryptosuite });
  const signed = await vc.issue({
    credential: structuredClone(unsigned),
    suite,
    documentLoader: createDocumentLoader(),
    now,
  });
  const json = JSON.stringify(signed);
  return { credential: JSON.parse(json) as Record<string, unknown>, json, keyId: key.keyId };
}
