import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixedClock } from '@labmig/core/app';
import {
  achievementUrl,
  certificateUrls,
  createCredentialIssuer,
  createFileKeyStore,
  createMemoryKeyStore,
  statusListUrl,
  type IssueInput,
} from '@labmig/core/certificates';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliSandbox, type CliSandbox } from '../testing/run-cli.ts';

let sandbox: CliSandbox;
beforeEach(() => {
  sandbox = createCliSandbox();
});
afterEach(() => sandbox.cleanup());

const clock = fixedClock('2026-06-01T10:00:00Z');
const ORIGIN = 'http://127.0.0.1:3000'; // the sandbox sets no ORIGIN: HOST and PORT default to this
const CODE = 'LM-2026-7K3Q-9XP2';

function input(): IssueInput {
  return {
    id: certificateUrls(ORIGIN, CODE).credentialUrl,
    recipient: { name: 'Tomás Ñúñez' },
    achievement: {
      id: achievementUrl(ORIGIN, 'certificate', 'measuring-labour-migration'),
      kind: 'certificate',
      name: 'Certificate of Achievement — Measuring and Analyzing Labour Migration',
      description: 'Awarded for completing the six-week online course (60 learning hours).',
      criteria: 'Passed every weekly knowledge assessment and the final assignment.',
      inLanguage: 'en',
    },
    status: {
      statusListCredential: statusListUrl(ORIGIN, 1),
      statusListIndex: 4,
      statusPurpose: 'revocation',
    },
  };
}

/** The site's issuer, with its keys where the CLI looks for them (data/keys under the sandbox). */
function siteIssuer() {
  const keyStore = createFileKeyStore(path.join(sandbox.dir, 'data', 'keys'), clock);
  return createCredentialIssuer({
    origin: ORIGIN,
    issuerName: 'International Training Centre of the ILO',
    keyStore,
    clock,
  });
}

function write(name: string, text: string): string {
  const file = path.join(sandbox.dir, name);
  writeFileSync(file, text);
  return file;
}

describe('labmig certificate verify', () => {
  it('says valid, by whom and to whom, and that revocation was not checked without a status list', async () => {
    const signed = await siteIssuer().issue(input());
    const run = await sandbox.run(['certificate', 'verify', write('cert.json', signed.json)], { clock });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'valid: Signed by did:web:127.0.0.1%3A3000 with key-1; revocation not checked (no status list given).\n' +
        '  Certificate of Achievement — Measuring and Analyzing Labour Migration\n' +
        '  awarded to Tomás Ñúñez by International Training Centre of the ILO on 2026-06-01T10:00:00Z\n' +
        "  revocation not checked: pass the issuer's status list with --status-list FILE\n",
    );
  });

  it('says invalid, and why, for a tampered credential (exit 1)', async () => {
    const signed = await siteIssuer().issue(input());
    const file = write('cert.json', signed.json.replace('Tomás Ñúñez', 'Tomas Nunez'));
    const run = await sandbox.run(['certificate', 'verify', file], { clock });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'invalid: The signature does not match the content: the credential was changed after it was signed.\n',
    );
  });

  it('says revoked when the status list given marks it', async () => {
    const issuer = siteIssuer();
    const signed = await issuer.issue(input());
    const cert = write('cert.json', signed.json);
    const active = write('status-active.json', (await issuer.signStatusList(1, [])).json);
    const revoked = write('status-revoked.json', (await issuer.signStatusList(1, [4])).json);
    const ok = await sandbox.run(['certificate', 'verify', cert, '--status-list', active], { clock });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('valid: Signed by did:web:127.0.0.1%3A3000 with key-1; not revoked.');
    const run = await sandbox.run(['certificate', 'verify', cert, '--status-list', revoked, '--json'], {
      clock,
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ verified: false, code: 'revoked', revocation: 'revoked' });
  });

  it('checks another issuer against the DID document given, and says so when none is', async () => {
    await siteIssuer().issue(input()); // this site has keys of its own
    const otherClock = fixedClock('2026-06-01T10:00:00Z');
    const other = createCredentialIssuer({
      origin: 'https://campus.example.org',
      issuerName: 'Another campus',
      keyStore: createMemoryKeyStore(otherClock),
      clock: otherClock,
    });
    const cert = write('other.json', (await other.issue(input())).json);
    const refused = await sandbox.run(['certificate', 'verify', cert], { clock });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      'invalid: Issued by did:web:campus.example.org, but the DID document at hand is that of did:web:127.0.0.1%3A3000.',
    );
    expect(refused.stdout).toContain('--did-document FILE');
    const did = write('did.json', JSON.stringify(await other.didDocument()));
    const run = await sandbox.run(['certificate', 'verify', cert, '--did-document', did], { clock });
    expect(run.code).toBe(0);
  });

  it('answers bad input clearly', async () => {
    expect((await sandbox.run(['certificate', 'verify'])).code).toBe(2);
    const missing = await sandbox.run(['certificate', 'verify', 'nowhere.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the credential nowhere.json: ENOENT');
    await siteIssuer().issue(input());
    const notJson = await sandbox.run(['certificate', 'verify', write('x.json', 'hello')], { clock });
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toMatch(/^invalid: The file is not JSON/);
    const noKeys = createCliSandbox();
    try {
      const run = await noKeys.run(['certificate', 'verify', write('y.json', '{}')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('has no issuer key');
    } finally {
      noKeys.cleanup();
    }
    expect((await sandbox.run(['certificate', 'sign'])).code).toBe(2);
  });
});

describe('labmig certificate rotate-key and did', () => {
  it('starts key-2 while credentials signed with key-1 keep verifying', async () => {
    const old = write('old.json', (await siteIssuer().issue(input())).json);
    const rotated = await sandbox.run(['certificate', 'rotate-key'], { clock });
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain('key-2 signs from now on');
    expect(rotated.stdout).toContain('key-1 stay in the DID document');
    const did = await sandbox.run(['certificate', 'did']);
    expect(JSON.parse(did.stdout).assertionMethod).toEqual([
      'did:web:127.0.0.1%3A3000#key-1',
      'did:web:127.0.0.1%3A3000#key-2',
    ]);
    const fresh = write('new.json', (await siteIssuer().issue(input())).json);
    expect(JSON.parse(readFileSync(fresh, 'utf8')).proof.verificationMethod).toBe(
      'did:web:127.0.0.1%3A3000#key-2',
    );
    expect((await sandbox.run(['certificate', 'verify', old], { clock })).code).toBe(0);
    expect((await sandbox.run(['certificate', 'verify', fresh], { clock })).code).toBe(0);
  });

  it('refuses a key folder others can read', async () => {
    await siteIssuer().issue(input());
    chmodSync(path.join(sandbox.dir, 'data', 'keys', 'key-1.json'), 0o644);
    const run = await sandbox.run(['certificate', 'rotate-key'], { clock });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('chmod 600');
  });
});
