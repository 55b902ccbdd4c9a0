import { describe, expect, it } from 'vitest';
import { signCredential } from './credential.sign.ts';
import { buildAchievementCredential } from './open-badge.build.ts';
import { buildIssueInput, buildTestIssuer } from './test-factories.ts';

const NFC = 'Tom\u00e1s \u00d1\u00fa\u00f1ez';
const NFD = 'Toma\u0301s N\u0303u\u0301n\u0303ez';

describe('Unicode normalisation of names', () => {
  it('is applied once, before signing: the builder stores NFC whatever form was typed', async () => {
    expect(NFC).not.toBe(NFD);
    expect(NFD.normalize('NFC')).toBe(NFC);
    const { issuer } = buildTestIssuer();
    const signed = await issuer.issue(buildIssueInput({ name: NFD }));
    const subject = signed.credential.credentialSubject as { name: string };
    expect(subject.name).toBe(NFC);
    expect(signed.json).toContain(NFC);
    expect(signed.json).not.toContain(NFD);
  });

  it('is never applied after signing: a credential signed in either form verifies only in that form', async () => {
    const { issuer, keyStore, clock } = buildTestIssuer();
    const key = await keyStore.signingKey();
    for (const [signedForm, otherForm] of [
      [NFC, NFD],
      [NFD, NFC],
    ] as const) {
      const unsigned = buildAchievementCredential({
        ...buildIssueInput(),
        issuer: { did: issuer.did, name: 'International Training Centre of the ILO' },
        awardedAt: clock.now(),
      });
      // Bypass the builder's NFC step to sign exactly this form, as an older or foreign issuer might have.
      const withForm = {
        ...unsigned,
        credentialSubject: { ...(unsigned.credentialSubject as object), name: signedForm },
      };
      const signed = await signCredential(withForm, { did: issuer.did, key, now: clock.now() });
      expect(signed.json).toContain(signedForm);
      expect(await issuer.verify(signed.json)).toMatchObject({ verified: true });
      const renormalised = signed.json.replaceAll(signedForm, otherForm);
      expect(renormalised).not.toBe(signed.json);
      expect(await issuer.verify(renormalised)).toMatchObject({ verified: false, code: 'signature' });
    }
  });
});
