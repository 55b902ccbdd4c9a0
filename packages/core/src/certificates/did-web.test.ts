import { describe, expect, it } from 'vitest';
import { buildDidDocument, didDocumentPath, didWebFromOrigin } from './did-web.ts';

describe('didWebFromOrigin', () => {
  it.each([
    ['http://127.0.0.1:3000', 'did:web:127.0.0.1%3A3000'],
    ['https://campus.example.org', 'did:web:campus.example.org'],
    ['https://campus.example.org/', 'did:web:campus.example.org'],
    ['https://example.org/itcilo/campus', 'did:web:example.org:itcilo:campus'],
    ['https://EXAMPLE.org:8443', 'did:web:example.org%3A8443'],
  ])('derives the DID of %s', (origin, did) => {
    expect(didWebFromOrigin(origin)).toBe(did);
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => didWebFromOrigin('campus.example.org')).toThrow(TypeError);
    expect(() => didWebFromOrigin('ftp://campus.example.org')).toThrow(/http\(s\) URL/);
  });
});

describe('didDocumentPath', () => {
  it('is /.well-known/did.json at the root, <path>/did.json under a path', () => {
    expect(didDocumentPath('http://127.0.0.1:3000')).toBe('/.well-known/did.json');
    expect(didDocumentPath('https://example.org/itcilo/campus/')).toBe('/itcilo/campus/did.json');
  });
});

describe('buildDidDocument', () => {
  it('lists every key as a Multikey controlled by the DID, under assertionMethod', () => {
    const did = 'did:web:127.0.0.1%3A3000';
    const keys = [
      {
        keyId: 'key-1',
        publicKeyMultibase: 'z6MkOld',
        createdAt: '2026-01-01T00:00:00.000Z',
        retiredAt: '2026-06-01T00:00:00.000Z',
      },
      {
        keyId: 'key-2',
        publicKeyMultibase: 'z6MkNew',
        createdAt: '2026-06-01T00:00:00.000Z',
        retiredAt: null,
      },
    ];
    expect(buildDidDocument(did, keys)).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        { id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6MkOld' },
        { id: `${did}#key-2`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6MkNew' },
      ],
      assertionMethod: [`${did}#key-1`, `${did}#key-2`],
    });
  });
});
