import { describe, expect, it } from 'vitest';
import { buildDidDocument } from './did-web.ts';
import { createDocumentLoader, LoaderRefusal } from './document-loader.ts';

const did = 'did:web:127.0.0.1%3A3000';
const didDocument = buildDidDocument(did, [
  { keyId: 'key-1', publicKeyMultibase: 'z6MkTest', createdAt: '2026-01-01T00:00:00.000Z', retiredAt: null },
]);

describe('createDocumentLoader', () => {
  it('serves the five bundled contexts from npm packages, never from the network', async () => {
    const load = createDocumentLoader();
    for (const url of [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/multikey/v1',
      'https://www.w3.org/ns/did/v1',
    ]) {
      const { document } = await load(url);
      expect((document as { '@context': object })['@context'], url).toBeTypeOf('object');
    }
    const ob = (await load('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')).document as {
      '@context': Record<string, unknown>;
    };
    expect(Object.keys(ob['@context'])).toEqual(
      expect.arrayContaining(['AchievementSubject', 'Profile', 'narrative']),
    );
  });

  it('serves the DID document it was given, and each key with the multikey context', async () => {
    const load = createDocumentLoader({ didDocuments: [didDocument] });
    expect((await load(did)).document).toEqual(didDocument);
    expect((await load(`${did}#key-1`)).document).toEqual({
      '@context': 'https://w3id.org/security/multikey/v1',
      id: `${did}#key-1`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: 'z6MkTest',
    });
  });

  it('refuses anything else, saying what was missing', async () => {
    const load = createDocumentLoader({ didDocuments: [didDocument] });
    const refusal = (url: string) =>
      load(url).then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(await refusal(`${did}#key-2`)).toMatchObject({ kind: 'key' });
    expect(await refusal('did:web:campus.example.org')).toMatchObject({ kind: 'did' });
    const other = await refusal('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json');
    expect(other).toBeInstanceOf(LoaderRefusal);
    expect((other as Error).message).toContain('is not available offline');
  });
});
