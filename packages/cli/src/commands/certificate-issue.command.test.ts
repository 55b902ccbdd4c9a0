import path from 'node:path';
import { fixedClock } from '@labmig/core/app';
import { writeCourseFiles } from '@labmig/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliSandbox, type CliSandbox } from '../testing/run-cli.ts';

let sandbox: CliSandbox;
beforeEach(() => {
  sandbox = createCliSandbox();
});
afterEach(() => sandbox.cleanup());

const clock = fixedClock('2026-10-20T10:00:00Z');

async function cohortWithLearner(): Promise<string> {
  await writeCourseFiles(path.join(sandbox.env.CONTENT_DIR, 'courses', 'tiny-course'));
  await sandbox.run(['content', 'import']);
  const created = await sandbox.run(
    ['cohort', 'create', '--course', 'tiny-course', '--start', '2026-09-07', '--end', '2026-10-16'],
    { clock },
  );
  const cohortId = /created cohort (\S+):/.exec(created.stdout)?.[1];
  if (!cohortId) throw new Error(`no cohort: ${created.stdout}${created.stderr}`);
  await sandbox.run([
    'user',
    'create',
    '--email',
    'zoe@example.org',
    '--name',
    'Zoé Ōkubo',
    '--role',
    'user',
  ]);
  await sandbox.run(['enrol', '--cohort', cohortId, '--email', 'zoe@example.org', '--role', 'learner']);
  return cohortId;
}

describe('labmig certificate issue and revoke', () => {
  it('issues an exception, prints its addresses as JSON, never twice, and revokes it once', async () => {
    const cohortId = await cohortWithLearner();
    const args = ['certificate', 'issue', '--cohort', cohortId, '--email', 'zoe@example.org'];
    const issued = await sandbox.run([...args, '--reason', 'Assessed by hand after an outage', '--json'], {
      clock,
    });
    expect(issued.stderr).toBe('');
    expect(issued.code).toBe(0);
    const out = JSON.parse(issued.stdout) as Record<string, string>;
    expect(Object.keys(out)).toEqual(['id', 'code', 'verifyUrl', 'credentialUrl', 'pdfUrl']);
    expect(out.code).toMatch(/^LM-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(out.verifyUrl).toBe(`http://127.0.0.1:3000/verify/${out.code}`);
    expect(out.credentialUrl).toBe(`http://127.0.0.1:3000/credentials/${out.code}`);
    expect(out.pdfUrl).toBe(`http://127.0.0.1:3000/credentials/${out.code}/pdf`);

    const again = await sandbox.run([...args, '--reason', 'Assessed by hand after an outage'], { clock });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has a certificate for this cohort');

    const revoked = await sandbox.run(
      ['certificate', 'revoke', '--id', out.id!, '--reason', 'Issued in error'],
      {
        clock,
      },
    );
    expect(revoked.stdout).toBe(`revoked ${out.code} on 2026-10-20T10:00:00.000Z\n`);
    const twice = await sandbox.run([
      'certificate',
      'revoke',
      '--id',
      out.id!,
      '--reason',
      'Issued in error',
    ]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('already revoked');
  });

  it('says what is wrong with bad input', async () => {
    const cohortId = await cohortWithLearner();
    const noReason = await sandbox.run([
      'certificate',
      'issue',
      '--cohort',
      cohortId,
      '--email',
      'zoe@example.org',
    ]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason is required');
    const stranger = await sandbox.run([
      'certificate',
      'issue',
      '--cohort',
      cohortId,
      '--email',
      'nobody@example.org',
      '--reason',
      'Because I say so',
    ]);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('No account has this email address.');
    const unknown = await sandbox.run([
      'certificate',
      'revoke',
      '--id',
      'nope',
      '--reason',
      'Issued in error',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No such certificate');
  });
});
