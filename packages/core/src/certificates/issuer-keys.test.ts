import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.ts';
import { verifyCredential } from './credential.verify.ts';
import { createCredentialIssuer } from './credential-issuer.ts';
import { buildDidDocument } from './did-web.ts';
import { createFileKeyStore } from './issuer-keys.file.ts';
import { IssuerKeyError } from './issuer-keys.ts';
import { buildIssueInput, TEST_ORIGIN } from './test-factories.ts';

const dirs: string[] = [];
function tempKeysDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'labmig-keys-'));
  dirs.push(dir);
  return join(dir, 'data', 'keys');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createFileKeyStore', () => {
  it('creates key-1 on first use, in a 0700 folder, as a 0600 file another process reads back', async () => {
    const dir = tempKeysDir();
    const clock = fixedClock('2026-06-01T10:00:00Z');
    const key = await createFileKeyStore(dir, clock).signingKey();
    expect(key).toMatchObject({ keyId: 'key-1', createdAt: '2026-06-01T10:00:00.000Z', retiredAt: null });
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(readdirSync(dir)).toEqual(['key-1.json']);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'key-1.json')).mode & 0o777).toBe(0o600);
    expect(await createFileKeyStore(dir, clock).signingKey()).toEqual(key);
  });

  it('agrees on one key-1 when several stores start at once', async () => {
    const dir = tempKeysDir();
    const clock = fixedClock('2026-06-01T10:00:00Z');
    const keys = await Promise.all(
      Array.from({ length: 6 }, () => createFileKeyStore(dir, clock).signingKey()),
    );
    expect(new Set(keys.map((k) => k.publicKeyMultibase)).size).toBe(1);
    expect(readdirSync(dir)).toEqual(['key-1.json']);
  });

  it('rotates to key-2 and keeps only the public half of key-1', async () => {
    const dir = tempKeysDir();
    const clock = fixedClock('2026-06-01T10:00:00Z');
    const store = createFileKeyStore(dir, clock);
    const first = await store.signingKey();
    clock.set('2026-09-01T08:00:00Z');
    const second = await store.rotate();
    expect(second.keyId).toBe('key-2');
    expect(await store.signingKey()).toEqual(second);
    const retired = JSON.parse(readFileSync(join(dir, 'key-1.json'), 'utf8'));
    expect(retired).toEqual({
      keyId: 'key-1',
      publicKeyMultibase: first.publicKeyMultibase,
      createdAt: '2026-06-01T10:00:00.000Z',
      retiredAt: '2026-09-01T08:00:00.000Z',
    });
    expect(statSync(join(dir, 'key-1.json')).mode & 0o777).toBe(0o600);
    expect((await store.publicKeys()).map((k) => k.keyId)).toEqual(['key-1', 'key-2']);
  });

  it('refuses a key file others can read, and says how to fix it', async () => {
    const dir = tempKeysDir();
    const clock = fixedClock('2026-06-01T10:00:00Z');
    await createFileKeyStore(dir, clock).signingKey();
    chmodSync(join(dir, 'key-1.json'), 0o644);
    const failure = createFileKeyStore(dir, clock).signingKey();
    await expect(failure).rejects.toThrow(IssuerKeyError);
    await expect(failure).rejects.toThrow(`Run "chmod 600 ${join(dir, 'key-1.json')}"`);
  });

  it('refuses a damaged key file instead of making a new key over it', async () => {
    const dir = tempKeysDir();
    const clock = fixedClock('2026-06-01T10:00:00Z');
    await createFileKeyStore(dir, clock).signingKey();
    writeFileSync(join(dir, 'key-1.json'), '{"keyId": "key-1"', { mode: 0o600 });
    await expect(createFileKeyStore(dir, clock).signingKey()).rejects.toThrow(/not valid JSON/);
  });
});

describe('key rotation', () => {
  it('signs new credentials with key-2 while credentials signed with key-1 keep verifying', async () => {
    const clock = fixedClock('2026-06-01T10:00:00Z');
    const keyStore = createFileKeyStore(tempKeysDir(), clock);
    const issuer = createCredentialIssuer({
      origin: TEST_ORIGIN,
      issuerName: 'International Training Centre of the ILO',
      keyStore,
      clock,
    });
    const old = await issuer.issue(buildIssueInput({ index: 1 }));
    clock.set('2026-09-01T08:00:00Z');
    expect(await issuer.rotateKey()).toBe('key-2');
    const fresh = await issuer.issue(buildIssueInput({ index: 2 }));
    expect((old.credential.proof as { verificationMethod: string }).verificationMethod).toBe(
      `${issuer.did}#key-1`,
    );
    expect((fresh.credential.proof as { verificationMethod: string }).verificationMethod).toBe(
      `${issuer.did}#key-2`,
    );

    const didDocument = await issuer.didDocument();
    expect(didDocument.assertionMethod).toEqual([`${issuer.did}#key-1`, `${issuer.did}#key-2`]);
    expect(await issuer.verify(old.json)).toMatchObject({ verified: true, summary: { keyId: 'key-1' } });
    expect(await issuer.verify(fresh.json)).toMatchObject({ verified: true, summary: { keyId: 'key-2' } });

    // A DID document that dropped key-1 would strand the old credential: that is why it is kept.
    const onlyNew = (await keyStore.publicKeys()).filter((key) => key.keyId === 'key-2');
    const withoutOld = buildDidDocument(issuer.did, onlyNew);
    expect(await verifyCredential(old.json, { didDocument: withoutOld, now: clock.now() })).toMatchObject({
      verified: false,
      code: 'key',
    });
  });
});
