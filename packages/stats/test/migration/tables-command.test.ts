import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runTablesCommand } from '../../src/cli/tables.command.ts';
import { fixturePath } from './load-lfs-small.ts';

function capture(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { isTTY, write: (s: string) => err.push(s) },
    },
  };
}

describe('runTablesCommand', () => {
  it('writes the ILMS tables and SDG 10.7.1 in every format for lfs_small.csv, with a progress bar on a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labmig-tables-'));
    const c = capture(true);
    const code = await runTablesCommand(
      [
        '--data',
        fixturePath('lfs_small.csv.gz'),
        '--mapping',
        fixturePath('lfs-small.mapping.json'),
        '--out',
        dir,
        '--format',
        'csv,xlsx,ilostat',
      ],
      c.io,
    );
    expect(c.err.join('')).toContain('100%');
    expect(code).toBe(0);
    const files = readdirSync(dir);
    expect(files).toEqual(
      expect.arrayContaining([
        'tables.json',
        'tables.xlsx',
        'ilostat.csv',
        'wap_sex_age.csv',
        'lfpr_gap_sex_age.csv',
        'sdg1071_corridor.csv',
      ]),
    );
    const json = JSON.parse(readFileSync(join(dir, 'tables.json'), 'utf8'));
    expect(json.meta.classification.icls_migrant.migrant).toBe(1719);
    const sheets = strFromU8(unzipSync(readFileSync(join(dir, 'tables.xlsx')))['xl/workbook.xml']);
    expect(sheets).toContain('name="sdg1071_sex"');
    expect(readFileSync(join(dir, 'ilostat.csv'), 'utf8')).toContain('MYS,NA,MST_TEAP_SEX_AGE_CBR_RT,SEX_F,');
  });

  it('prints no progress bar when stderr is not a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labmig-tables-'));
    const c = capture(false);
    expect(
      await runTablesCommand(
        [
          '--data',
          fixturePath('lfs_small.csv.gz'),
          '--mapping',
          fixturePath('lfs-small.mapping.json'),
          '--out',
          dir,
          '--format',
          'csv',
        ],
        c.io,
      ),
    ).toBe(0);
    expect(c.err).toEqual([]);
    expect(readdirSync(dir)).not.toContain('tables.xlsx');
  });

  it('answers a usage error with 2 and a mapping error with 1 naming the field', async () => {
    const c = capture();
    expect(await runTablesCommand(['--data', 'x.csv'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('usage:');
    const dir = mkdtempSync(join(tmpdir(), 'labmig-tables-'));
    const bad = join(dir, 'bad.json');
    const m = JSON.parse(readFileSync(fixturePath('lfs-small.mapping.json'), 'utf8'));
    m.columns.countryOfBirth = 'country_of_brith';
    writeFileSync(bad, JSON.stringify(m));
    const d = capture();
    expect(
      await runTablesCommand(
        ['--data', fixturePath('lfs_small.csv.gz'), '--mapping', bad, '--out', dir],
        d.io,
      ),
    ).toBe(1);
    expect(d.err.join('')).toMatch(
      /columns\.countryOfBirth.*country_of_brith.*Did you mean "country_of_birth"/,
    );
  });
});
