import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeRevocationList, readStatusBit, STATUS_LIST_BITS, statusListPosition } from './status-list.ts';
import { buildIssueInput, buildTestIssuer } from './test-factories.ts';

/** Decodes an encodedList by the letter of Bitstring Status List v1.0, without the library that wrote it. */
function bitsOf(encodedList: string): Buffer {
  expect(encodedList.startsWith('u')).toBe(true);
  expect(encodedList.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
  return gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
}
const bit = (bytes: Buffer, index: number) => (bytes[index >> 3]! >> (7 - (index % 8))) & 1;

describe('encodeRevocationList', () => {
  it('writes a GZIP + base64url list of at least 131,072 bits, first index = leftmost bit', async () => {
    const bytes = bitsOf(await encodeRevocationList([0, 9, 131_071]));
    expect(bytes.length * 8).toBe(131_072);
    expect(bytes[0]).toBe(0b1000_0000);
    expect(bytes[1]).toBe(0b0100_0000);
    expect(bit(bytes, 131_071)).toBe(1);
    expect([...bytes].reduce((n, b) => n + b.toString(2).replaceAll('0', '').length, 0)).toBe(3);
    expect(await readStatusBit(await encodeRevocationList([9]), 9)).toBe(true);
    expect(await readStatusBit(await encodeRevocationList([9]), 8)).toBe(false);
  });

  it('refuses an index outside the list', async () => {
    await expect(encodeRevocationList([STATUS_LIST_BITS])).rejects.toThrow(RangeError);
    await expect(encodeRevocationList([-1])).rejects.toThrow(RangeError);
  });
});

describe('statusListPosition', () => {
  it.each([
    [0, 1, 0],
    [131_071, 1, 131_071],
    [131_072, 2, 0],
    [300_000, 3, 37_856],
  ])('puts credential number %i in list %i at index %i', (sequence, list, index) => {
    expect(statusListPosition(sequence)).toEqual({ list, index });
  });

  it('refuses a negative or fractional number', () => {
    expect(() => statusListPosition(-1)).toThrow(RangeError);
    expect(() => statusListPosition(1.5)).toThrow(RangeError);
  });
});

describe('the status list credential', () => {
  it('is a VC 2.0 BitstringStatusListCredential signed by the same issuer', async () => {
    const { issuer } = buildTestIssuer();
    const { credential } = await issuer.signStatusList(1, []);
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'http://127.0.0.1:3000/credentials/status/1',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:127.0.0.1%3A3000',
      credentialSubject: {
        id: 'http://127.0.0.1:3000/credentials/status/1#list',
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
      },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' },
    });
  });

  it('flips on revocation, and the credential then verifies as revoked', async () => {
    const { issuer } = buildTestIssuer();
    const signed = await issuer.issue(buildIssueInput({ index: 7 }));
    const before = await issuer.signStatusList(1, [3]);
    const after = await issuer.signStatusList(1, [3, 7]);
    const encoded = (list: { credential: Record<string, unknown> }) =>
      (list.credential.credentialSubject as { encodedList: string }).encodedList;
    expect(bit(bitsOf(encoded(before)), 7)).toBe(0);
    expect(bit(bitsOf(encoded(after)), 7)).toBe(1);

    expect(await issuer.verify(signed.json, [before.json])).toMatchObject({
      verified: true,
      revocation: 'active',
    });
    expect(await issuer.verify(signed.json, [after.json])).toEqual({
      verified: false,
      code: 'revoked',
      reason:
        "Revoked: the issuer's status list http://127.0.0.1:3000/credentials/status/1 marks this credential as revoked.",
      revocation: 'revoked',
    });
  });

  it('is not trusted when tampered with or signed by someone else', async () => {
    const { issuer } = buildTestIssuer();
    const signed = await issuer.issue(buildIssueInput({ index: 7 }));
    const revoked = await issuer.signStatusList(1, [7]);
    const cleared = JSON.parse(revoked.json);
    cleared.credentialSubject.encodedList = await encodeRevocationList([]);
    const result = await issuer.verify(signed.json, [JSON.stringify(cleared)]);
    expect(result).toMatchObject({ verified: false, code: 'status-list', revocation: 'unchecked' });
    expect(result.reason).toContain('does not verify');

    const other = buildTestIssuer();
    const foreign = await other.issuer.signStatusList(1, []);
    expect(await issuer.verify(signed.json, [foreign.json])).toMatchObject({
      verified: false,
      code: 'status-list',
    });
  });
});
