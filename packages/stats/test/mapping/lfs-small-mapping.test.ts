import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../src/node.ts';
import { parseMapping } from '../../src/migration/mapping.parse.ts';
import { computeMigrationTables } from '../../src/migration/migration-tables.ts';
import { checkMappingReuse } from '../../src/mapping/reuse-mapping.ts';
import { suggestMapping } from '../../src/mapping/suggest-mapping.ts';
import { toMappingFile } from '../../src/mapping/mapping-file.ts';
import { validateMapping } from '../../src/mapping/validate-mapping.ts';
import { lfsSmallMapping } from '../migration/load-lfs-small.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const FILES = ['migration/lfs_small.csv.gz', 'io/lfs_small.sav', 'io/lfs_small.dta'];

describe('the mapping wizard’s engine on lfs_small (synthetic LFS, home country MYS)', () => {
  const handWritten = lfsSmallMapping();

  it.each(FILES)('%s: the suggestion names the columns of the hand-written mapping', async (file) => {
    const ds = await readDataFile(fixture(file));
    const m = suggestMapping(ds).mapping;
    expect(m.design).toEqual({ weight: 'weight', strata: 'stratum', psu: 'psu' });
    expect(m.columns).toEqual(handWritten.columns);
    expect([m.homeCountry, m.surveyYear, m.migrantCriterion]).toEqual(['MYS', 2024, 'birth']);
    expect(m.codes?.employee).toEqual(['41', '42', '43', '44']);
  });

  it.each(FILES)(
    '%s: the suggested mapping validates cleanly and gives the same tables as the hand-written one',
    async (file) => {
      const ds = await readDataFile(fixture(file));
      const m = suggestMapping(ds).mapping;
      const report = validateMapping(ds, m);
      expect(report.issues).toEqual([]);
      expect(report.outputs).toEqual({
        ilms: true,
        byEducation: false,
        byIndustry: true,
        byOccupation: true,
        byStatus: true,
        sdg1071: true,
      });
      const suggested = computeMigrationTables(ds, parseMapping(m));
      const expected = computeMigrationTables(ds, handWritten);
      expect(suggested.tables.length).toBe(expected.tables.length);
      expect(suggested.tables).toEqual(expected.tables);
      expect(suggested.sdgEligibility).toEqual(expected.sdgEligibility);
    },
  );

  it('sav: the codes come from the value labels (1 → employed, 4 → humanitarian → asylum)', async () => {
    const m = suggestMapping(await readDataFile(fixture('io/lfs_small.sav'))).mapping;
    expect(m.codes?.lfs).toEqual({ employed: ['1'], unemployed: ['2'], outside_lf: ['3'] });
    expect(m.codes?.sex).toEqual({ male: ['1'], female: ['2'] });
    expect(m.codes?.reasonForMigration).toEqual({
      work: ['1'],
      family: ['2'],
      study: ['3'],
      asylum: ['4'],
      other: ['5'],
    });
  });

  it('a mapping saved from the .sav file, reused on the CSV export of the same survey, names the codes written as text', async () => {
    const sav = await readDataFile(fixture('io/lfs_small.sav'));
    const csv = await readDataFile(fixture('migration/lfs_small.csv.gz'));
    const saved = JSON.parse(JSON.stringify(toMappingFile(suggestMapping(sav).mapping, sav)));
    expect(checkMappingReuse(sav, saved).report.canRun).toBe(true);
    const r = checkMappingReuse(csv, saved);
    expect(r.missingColumns).toEqual([]);
    expect(r.newCodes.map((c) => [c.field, c.values.map((v) => v.value).sort()])).toEqual([
      ['codes.sex', ['female', 'male']],
      ['codes.lfs', ['employed', 'outside_lf', 'unemployed']],
      ['codes.reasonForMigration', ['family', 'humanitarian', 'other', 'study', 'work']],
    ]);
    expect(r.report.canRun).toBe(false);
  });
});
