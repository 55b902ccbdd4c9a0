import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runStatsCli } from './index.ts';

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
    },
  };
}
const dir = mkdtempSync(join(tmpdir(), 'labmig-stats-cli-'));
copyFileSync(
  fileURLToPath(new URL('../../test/fixtures/survey/apiclus1.csv', import.meta.url)),
  join(dir, 'apiclus1.csv'),
);

describe('runStatsCli', () => {
  it('run prints the result JSON of a spec, reading data relative to the spec', async () => {
    const spec = join(dir, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify({
        data: 'apiclus1.csv',
        design: { ids: ['dnum'], weights: 'pw', fpc: ['fpc'] },
        estimate: { kind: 'mean', variables: ['api00'] },
      }),
    );
    const { out, io } = capture();
    expect(await runStatsCli(['run', '--spec', spec], io)).toBe(0);
    const res = JSON.parse(out.stdout);
    expect(res.n).toBe(183);
    expect(res.df).toBe(14);
    // R: svymean(~api00, svydesign(ids=~dnum, weights=~pw, fpc=~fpc, data=apiclus1)) = 644.169398907104
    expect(res.estimates[0].estimate).toBeCloseTo(644.169398907104, 9);
  });
  it('names the unknown variable on stderr with exit code 1', async () => {
    const spec = join(dir, 'bad.json');
    writeFileSync(
      spec,
      JSON.stringify({
        data: 'apiclus1.csv',
        design: { weights: 'pww' },
        estimate: { kind: 'mean', variables: ['api00'] },
      }),
    );
    const { out, io } = capture();
    expect(await runStatsCli(['run', '--spec', spec], io)).toBe(1);
    expect(out.stderr).toMatch(/"pww".*Did you mean "pw"/);
  });
  it('names the bad spec field', async () => {
    const spec = join(dir, 'kind.json');
    writeFileSync(
      spec,
      JSON.stringify({
        data: 'apiclus1.csv',
        design: {},
        estimate: [{ kind: 'median', variables: ['api00'] }],
      }),
    );
    const { out, io } = capture();
    expect(await runStatsCli(['run', '--spec', spec], io)).toBe(1);
    expect(out.stderr).toMatch(/spec\.estimate\[0\]\.kind/);
  });
  it('answers usage errors with exit code 2 and --help with 0', async () => {
    const a = capture();
    expect(await runStatsCli(['run'], a.io)).toBe(2);
    expect(a.out.stderr).toMatch(/--spec/);
    const b = capture();
    expect(await runStatsCli(['frobnicate'], b.io)).toBe(2);
    const c = capture();
    expect(await runStatsCli(['--help'], c.io)).toBe(0);
    expect(c.out.stdout).toMatch(/labmig stats run --spec/);
  });
  it('describe lists the variables of a file', async () => {
    const { out, io } = capture();
    expect(await runStatsCli(['describe', join(dir, 'apiclus1.csv')], io)).toBe(0);
    // apiclus1: 183 schools; acs.46 is empty for 26 of them; stype has the levels E, H, M.
    expect(out.stdout).toMatch(/183 rows, 39 variables/);
    expect(out.stdout).toMatch(/^acs\.46\s+numeric\s+26\s/m);
    expect(out.stdout).toMatch(/^stype\s+categorical\s+0\s+3\s/m);
  });
  it('describe --json gives the same facts as JSON', async () => {
    const { out, io } = capture();
    expect(await runStatsCli(['describe', join(dir, 'apiclus1.csv'), '--json'], io)).toBe(0);
    const d = JSON.parse(out.stdout);
    expect(d.nrows).toBe(183);
    expect(d.variables.find((v: { name: string }) => v.name === 'acs.46').missingCount).toBe(26);
  });
});
