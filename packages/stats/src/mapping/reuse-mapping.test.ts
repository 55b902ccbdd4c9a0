import { describe, expect, it } from 'vitest';
import { createDataset, numericColumn, withColumns } from '../dataset/dataset.ts';
import { buildDataset } from './mapping-test-data.ts';
import { toMappingFile } from './mapping-file.ts';
import { checkMappingReuse } from './reuse-mapping.ts';
import { suggestMapping } from './suggest-mapping.ts';

const wave1 = buildDataset([
  ['weight', 'weight'],
  ['age', 'age'],
  ['sex', 'sex', 'Sex of person'],
  ['lfs', 'lfs'],
  ['country_of_birth', 'country'],
  ['year_of_arrival', 'year'],
]);
const saved = toMappingFile(suggestMapping(wave1).mapping, wave1);

describe('checkMappingReuse', () => {
  it('finds nothing to change on the file the mapping was made for', () => {
    const r = checkMappingReuse(wave1, saved);
    expect(r).toMatchObject({ missingColumns: [], missingCodes: [], newCodes: [] });
    expect(r.report.canRun).toBe(true);
  });

  it('reports a renamed column (proposing the column with the same label), a new code and a code gone', () => {
    const sex = wave1.column('sex');
    const lfs = wave1.column('lfs');
    if (sex.kind !== 'numeric' || lfs.kind !== 'numeric') throw new Error('numeric columns expected');
    // wave 2: "sex" became "gender" (same label); lfs code 3 became 4 (outside the labour force, recoded)
    const gender = numericColumn('gender', sex.values, {
      label: 'Sex of person',
      valueLabels: sex.valueLabels,
    });
    const lfs2 = numericColumn(
      'lfs',
      lfs.values.map((v) => (v === 3 ? 4 : v)),
      {
        valueLabels: new Map([
          [1, 'Employed'],
          [2, 'Unemployed'],
          [4, 'Not in the labour force'],
        ]),
      },
    );
    const wave2 = withColumns(
      createDataset(
        wave1.columns.filter((c) => c.name !== 'sex'),
        { source: 'wave2.sav' },
      ),
      [gender, lfs2],
    );
    const r = checkMappingReuse(wave2, JSON.parse(JSON.stringify(saved)));
    expect(r.missingColumns).toEqual([{ field: 'columns.sex', column: 'sex', candidates: ['gender'] }]);
    expect(r.newCodes).toEqual([
      {
        field: 'codes.lfs',
        column: 'lfs',
        values: [{ value: '4', label: 'Not in the labour force', count: 20 }],
      },
    ]);
    expect(r.missingCodes).toEqual([{ field: 'codes.lfs.outside_lf', codes: ['3'] }]);
    expect(r.report.canRun).toBe(false);
  });
});
