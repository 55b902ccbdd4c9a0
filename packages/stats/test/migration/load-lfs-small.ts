import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../src/dataset/dataset.types.ts';
import { parseMapping } from '../../src/migration/mapping.parse.ts';
import type { VariableMapping } from '../../src/migration/mapping.types.ts';
import { readDataFile } from '../../src/node.ts';

/** Path of a file in test/fixtures/migration. */
export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/migration/${name}`, import.meta.url));

let cached: Promise<Dataset> | undefined;

/** lfs_small.csv (synthetic LFS, home country MYS), read once per test file. */
export function loadLfsSmall(): Promise<Dataset> {
  cached ??= readDataFile(fixturePath('lfs_small.csv.gz'));
  return cached;
}

/** The variable mapping of lfs_small.csv. */
export function lfsSmallMapping(): VariableMapping {
  return parseMapping(JSON.parse(readFileSync(fixturePath('lfs-small.mapping.json'), 'utf8')));
}

interface RefEstimate {
  domain: Record<string, string> | null;
  term: string;
  estimate: number;
  se: number;
}
/** R's estimates for one case id of lfs_small_reference.json. */
export function referenceCase(id: string): RefEstimate[] {
  const ref = JSON.parse(readFileSync(fixturePath('lfs_small_reference.json'), 'utf8')) as {
    cases: { id: string; estimates: RefEstimate[] }[];
  };
  const c = ref.cases.find((x) => x.id === id);
  if (!c) throw new Error(`no reference case ${id}`);
  return c.estimates;
}
