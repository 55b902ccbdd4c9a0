// The shipped tables of the practice set are the engine's tables today (a change of the engine that moves a figure
// makes this fail until the file is made again), and read back they give the command line's CSV byte for byte.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toCsv } from '@labmig/stats';
import { runStatsCli } from '@labmig/stats/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPracticeTables, practiceTables } from './practice-tables.ts';

const content = resolve(import.meta.dirname, '../../../../../../content');
const lab = join(content, 'data', 'lab');
const out = mkdtempSync(join(tmpdir(), 'labmig-practice-tables-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeAll(async () => {
  for (const f of ['lfs_small.sav', 'lfs_small.mapping.json']) copyFileSync(join(lab, f), join(out, f));
  const io = { stdout: { write: () => true }, stderr: { write: (s: string) => process.stderr.write(s) } };
  const args = [
    'tables',
    '--data',
    join(out, 'lfs_small.sav'),
    '--mapping',
    join(out, 'lfs_small.mapping.json'),
  ];
  const code = await runStatsCli([...args, '--out', join(out, 'cli'), '--format', 'json,csv'], io);
  expect(code).toBe(0);
}, 120_000);

describe('the practice tables', () => {
  it('are listed by name; other names read nothing', async () => {
    expect(await listPracticeTables(content)).toEqual(['lfs_small']);
    for (const name of ['lfs_small.tables', '../lab/lfs_small', 'LFS_SMALL', 'nope', ''])
      expect(await practiceTables(content, name), name).toBeNull();
  });

  it('are what `labmig stats tables` gives on lfs_small.sav with the practice mapping', () => {
    const shipped = JSON.parse(readFileSync(join(lab, 'lfs_small.tables.json'), 'utf8'));
    const fresh = JSON.parse(readFileSync(join(out, 'cli', 'tables.json'), 'utf8'));
    // If this fails after a change of the engine, make the file again (content/data/lab/README.md says how).
    expect(shipped).toEqual(fresh);
  });

  it('read back as the engine’s tables, give the command line’s CSV of every table', async () => {
    const set = await practiceTables(content, 'lfs_small');
    expect(set?.meta).toMatchObject({ homeCountry: 'MYS', surveyYear: 2024, persons: 21473 });
    const csvFiles = readdirSync(join(out, 'cli')).filter((f) => f.endsWith('.csv'));
    expect(set?.tables.map((t) => `${t.id}.csv`).sort()).toEqual(csvFiles.sort());
    for (const t of set?.tables ?? [])
      expect(toCsv(t), t.id).toBe(readFileSync(join(out, 'cli', `${t.id}.csv`), 'utf8'));
    expect(set?.tables.find((t) => t.id === 'sdg1071_all')?.rows.length).toBeGreaterThan(0);
  });
});
