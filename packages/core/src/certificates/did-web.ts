import { DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from './json-ld-contexts.ts';
import type { IssuerPublicKey } from './issuer-keys.ts';

/** A `Multikey` verification method of the issuer's DID document. */
export interface MultikeyMethod {
  readonly id: string;
  readonly type: 'Multikey';
  readonly controller: string;
  readonly publicKeyMultibase: string;
}

/** The issuer's DID document as served at `/.well-known/did.json`. */
export interface DidDocument {
  readonly '@context': readonly string[];
  readonly id: string;
  readonly verificationMethod: readonly MultikeyMethod[];
  readonly assertionMethod: readonly string[];
}

/**
 * The `did:web` identifier of a site: the host (port colon percent-encoded) and any path segments joined by `:`.
 * Throws TypeError when `origin` is not an http(s) URL.
 * @example didWebFromOrigin('http://127.0.0.1:3000') // 'did:web:127.0.0.1%3A3000'
 * @example didWebFromOrigin('https://campus.example.org/') // 'did:web:campus.example.org'
 */
export function didWebFromOrigin(origin: string): string {
  const url = parseOrigin(origin);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const path = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)));
  return ['did:web', host, ...path].join(':');
}

/**
 * Where the DID document of a site is published: `/.well-known/did.json` at the origin, or `<path>/did.json` when
 * ORIGIN has a path (the did:web rule).
 * @example didDocumentPath('http://127.0.0.1:3000') // '/.well-known/did.json'
 */
export function didDocumentPath(origin: string): string {
  const path = parseOrigin(origin).pathname.replace(/\/+$/, '');
  return path === '' ? '/.well-known/did.json' : `${path}/did.json`;
}

function parseOrigin(origin: string): URL {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new TypeError(`didWebFromOrigin: origin must be an http(s) URL (got "${origin}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`didWebFromOrigin: origin must be an http(s) URL (got "${origin}")`);
  return url;
}

/** The id of one key of the issuer: `<did>#key-N`. */
export function verificationMethodId(did: string, keyId: string): string {
  return `${did}#${keyId}`;
}

/**
 * The DID document of the issuer: every key it has ever signed with, as a `Multikey` controlled by the DID and
 * listed under `assertionMethod`, so credentials signed before a key rotation keep verifying.
 */
export function buildDidDocument(did: string, keys: readonly IssuerPublicKey[]): DidDocument {
  if (keys.length === 0) throw new RangeError('buildDidDocument: the issuer has no key yet');
  const methods = keys.map((key): MultikeyMethod => ({
    id: verificationMethodId(did, key.keyId),
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: key.publicKeyMultibase,
  }));
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((method) => method.id),
  };
}
