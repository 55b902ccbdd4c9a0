import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.ts';
import { createCredentialIssuer } from './credential-issuer.ts';
import { createDocumentLoader } from './document-loader.ts';
import { createMemoryKeyStore } from './issuer-keys.ts';
import { signCredential } from './credential.sign.ts';
import { verifyCredential } from './credential.verify.ts';
import { buildAchievementCredential } from './open-badge.build.ts';
import { buildIssueInput, buildTestIssuer } from './test-factories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking arbitrary JSON

/** Verifies with Digital Bazaar's libraries alone: only bundled contexts and the DID document are served. */
async function verifyWithDigitalBazaar(credential: object, didDocument: object, now: Date) {
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: createDocumentLoader({ didDocuments: [didDocument as never] }),
    now,
    checkStatus: async () => ({ verified: true }),
  });
}

describe('an issued Open Badges 3.0 credential', () => {
  it('has the shape issue 15 prescribes', async () => {
    const { issuer } = buildTestIssuer();
    const { credential } = await issuer.issue(buildIssueInput());
    const c = credential as Json;
    expect(c['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.issuer).toEqual({
      id: 'did:web:127.0.0.1%3A3000',
      type: ['Profile'],
      name: 'International Training Centre of the ILO',
    });
    expect(c.validFrom).toBe('2026-06-01T10:00:00Z');
    expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(c.credentialSubject.name).toBe('Tomás Ñúñez');
    expect(c.credentialSubject.achievement).toMatchObject({
      id: 'http://127.0.0.1:3000/courses/measuring-labour-migration/certificate',
      type: ['Achievement'],
      achievementType: 'Certificate',
      name: 'Certificate of Achievement — Measuring and Analyzing Labour Migration',
      criteria: { narrative: 'Passed every weekly knowledge assessment and the final assignment.' },
    });
    expect(c.credentialStatus).toEqual({
      id: 'http://127.0.0.1:3000/credentials/status/1#7',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '7',
      statusListCredential: 'http://127.0.0.1:3000/credentials/status/1',
    });
    expect(c.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: 'did:web:127.0.0.1%3A3000#key-1',
      created: '2026-06-01T10:00:00Z',
    });
    expect(c.proof.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/);
  });

  it('verifies with a verifier built on the Digital Bazaar libraries and an offline document loader', async () => {
    const { issuer, clock } = buildTestIssuer();
    const { credential } = await issuer.issue(buildIssueInput());
    const result = await verifyWithDigitalBazaar(credential, await issuer.didDocument(), clock.now());
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('is refused at signing when it holds a property no context defines (no @vocab in VC 2.0)', async () => {
    const { issuer, keyStore, clock } = buildTestIssuer();
    const unsigned = {
      ...buildAchievementCredential({
        ...buildIssueInput(),
        issuer: { did: issuer.did, name: 'X' },
        awardedAt: clock.now(),
      }),
      learningHours: 60,
    };
    await expect(
      signCredential(unsigned, { did: issuer.did, key: await keyStore.signingKey(), now: clock.now() }),
    ).rejects.toThrow(/Safe mode validation error/);
  });

  it('serialises to exactly the text that was signed, which verifies as it is', async () => {
    const { issuer } = buildTestIssuer();
    const signed = await issuer.issue(buildIssueInput());
    expect(JSON.stringify(JSON.parse(signed.json))).toBe(signed.json);
    expect(await issuer.verify(signed.json)).toMatchObject({
      verified: true,
      code: 'valid',
      revocation: 'unchecked',
    });
  });
});

describe('verifyCredential', () => {
  it('says valid, who signed it with which key, and whether revocation was checked', async () => {
    const { issuer } = buildTestIssuer();
    const signed = await issuer.issue(buildIssueInput());
    const list = await issuer.signStatusList(1, []);
    const result = await issuer.verify(signed.json, [list.json]);
    expect(result).toMatchObject({
      verified: true,
      code: 'valid',
      revocation: 'active',
      summary: { recipientName: 'Tomás Ñúñez', issuerDid: 'did:web:127.0.0.1%3A3000', keyId: 'key-1' },
    });
    expect(result.reason).toBe('Signed by did:web:127.0.0.1%3A3000 with key-1; not revoked.');
  });

  it('gives a reason for text that is not JSON or not a credential', async () => {
    const { issuer } = buildTestIssuer();
    expect(await issuer.verify('{"@context": [')).toMatchObject({ verified: false, code: 'not-json' });
    expect(await issuer.verify('[1, 2]')).toMatchObject({ verified: false, code: 'not-a-credential' });
  });

  it('refuses a credential issued before its validFrom', async () => {
    const { issuer, clock } = buildTestIssuer();
    const signed = await issuer.issue(buildIssueInput({ awardedAt: new Date('2026-06-02T10:00:00Z') }));
    const early = await issuer.verify(signed.json);
    expect(early).toMatchObject({ verified: false, code: 'not-yet-valid' });
    clock.set('2026-06-02T10:00:00Z');
    expect(await issuer.verify(signed.json)).toMatchObject({ verified: true });
  });

  it('refuses a credential when the DID document at hand belongs to another issuer', async () => {
    const a = buildTestIssuer();
    const b = createOtherIssuer();
    const signed = await a.issuer.issue(buildIssueInput());
    const result = await verifyCredential(signed.json, { didDocument: await b.didDocument() });
    expect(result.code).toBe('issuer');
  });
});

function createOtherIssuer() {
  const clock = fixedClock('2026-06-01T10:00:00Z');
  return createCredentialIssuer({
    origin: 'https://campus.example.org',
    issuerName: 'Someone else',
    keyStore: createMemoryKeyStore(clock),
    clock,
  });
}
