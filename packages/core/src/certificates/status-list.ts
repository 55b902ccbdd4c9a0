import { BitstringStatusList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { VC_V2_CONTEXT } from './json-ld-contexts.ts';
import { xsdDateTime } from './open-badge.build.ts';

/**
 * Bits in one status list: the W3C Bitstring Status List minimum (16 KB), so a list never tells which of a few
 * credentials were revoked by its size.
 */
export const STATUS_LIST_BITS = 131_072;

/** Where one credential's revocation bit lives (the `credentialStatus` of the credential). */
export interface StatusListEntry {
  readonly statusListCredential: string;
  readonly statusListIndex: number;
  readonly statusPurpose: 'revocation';
}

/** List number (1-based) and index within it of the n-th credential issued (0-based sequence, never reused). */
export interface StatusListPosition {
  readonly list: number;
  readonly index: number;
}

/**
 * Places the n-th issued credential (a sequence number the issuance side never reuses) in a status list.
 * @example statusListPosition(0) // { list: 1, index: 0 }
 * @example statusListPosition(131_072) // { list: 2, index: 0 }
 */
export function statusListPosition(sequence: number): StatusListPosition {
  if (!Number.isSafeInteger(sequence) || sequence < 0)
    throw new RangeError(`statusListPosition: sequence must be a whole number ≥ 0 (got ${sequence})`);
  return { list: Math.floor(sequence / STATUS_LIST_BITS) + 1, index: sequence % STATUS_LIST_BITS };
}

/**
 * The bitstring of a revocation list: GZIP, then base64url without padding, with the multibase prefix `u`, as
 * Bitstring Status List v1.0 prescribes. Bit i is the i-th bit from the left (most significant bit of byte 0 first).
 */
export async function encodeRevocationList(revokedIndexes: Iterable<number>): Promise<string> {
  const list = new BitstringStatusList({ length: STATUS_LIST_BITS });
  for (const index of revokedIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= STATUS_LIST_BITS)
      throw new RangeError(`encodeRevocationList: index ${index} is outside 0…${STATUS_LIST_BITS - 1}`);
    list.setStatus(index, true);
  }
  return list.encode();
}

/** Reads bit `index` of an encoded list: true = revoked. Throws when the list cannot be decoded. */
export async function readStatusBit(encodedList: string, index: number): Promise<boolean> {
  const list = await decodeList({ encodedList });
  if (index >= list.length)
    throw new RangeError(`status list index ${index} is beyond the list (${list.length} bits)`);
  return list.getStatus(index);
}

/**
 * The unsigned status list credential (VC 2.0, `BitstringStatusListCredential`) of one list, issued by the same
 * DID as the credentials that point into it.
 */
export function buildStatusListCredential(input: {
  readonly url: string;
  readonly issuerDid: string;
  readonly encodedList: string;
  readonly validFrom: Date;
}): Record<string, unknown> & { readonly '@context': readonly string[] } {
  return {
    '@context': [VC_V2_CONTEXT],
    id: input.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuerDid,
    validFrom: xsdDateTime(input.validFrom),
    credentialSubject: {
      id: `${input.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: input.encodedList,
    },
  };
}
