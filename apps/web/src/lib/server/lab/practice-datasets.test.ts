import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listPracticeDatasets, openPracticeDataset } from './practice-datasets.ts';

const repoContent = resolve(import.meta.dirname, '../../../../../../content');
const dir = mkdtempSync(join(tmpdir(), 'labmig-practice-'));
mkdirSync(join(dir, 'data', 'lab'), { recursive: true });
writeFileSync(join(dir, 'data', 'lab', 'a.csv'), 'x\n1\n');
writeFileSync(join(dir, 'data', 'lab', 'notes.md'), 'not data');
writeFileSync(join(dir, 'secret.sav'), 'outside the folder');
symlinkSync(join(dir, 'secret.sav'), join(dir, 'data', 'lab', 'link.sav'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('practice datasets', () => {
  it('are the shipped synthetic LFS files in three formats', async () => {
    const list = await listPracticeDatasets(repoContent);
    expect(list.map((d) => [d.file, d.format])).toEqual([
      ['lfs_small.csv', 'csv'],
      ['lfs_small.dta', 'dta'],
      ['lfs_small.sav', 'sav'],
    ]);
    expect(list.every((d) => d.bytes > 1_000_000 && d.bytes < 5_000_000)).toBe(true);
  });

  it('list data files only (no symbolic link), and none when the folder is missing', async () => {
    expect((await listPracticeDatasets(dir)).map((d) => d.file)).toEqual(['a.csv']);
    expect(await listPracticeDatasets(join(dir, 'nowhere'))).toEqual([]);
  });

  it('serve a listed file and nothing else', async () => {
    const opened = await openPracticeDataset(dir, 'a.csv');
    expect(await new Response(opened?.body).text()).toBe('x\n1\n');
    for (const name of ['notes.md', 'link.sav', '../secret.sav', '../../data/lab/a.csv', 'A.CSV', ''])
      expect(await openPracticeDataset(dir, name), name).toBeNull();
  });
});
