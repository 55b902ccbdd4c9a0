import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn } from './dataset.ts';
import { selectRows } from './dataset-rows.ts';
import { describeDataset } from './describe-dataset.ts';

describe('describeDataset', () => {
  it('counts missing values, reasons, distinct values and value labels per variable', () => {
    const ds = createDataset(
      [
        numericColumn('age', [30, NaN, 30, 41], { label: 'Age' }),
        numericColumn('sex', [1, 2, NaN, 1], {
          valueLabels: new Map([
            [1, 'male'],
            [2, 'female'],
          ]),
          missingReasons: new Map([[2, '.a']]),
        }),
        categoricalColumn('cob', ['MYS', '', 'NPL', 'MYS']),
      ],
      { source: 'x.sav' },
    );
    expect(describeDataset(ds)).toEqual({
      source: 'x.sav',
      nrows: 4,
      variables: [
        {
          name: 'age',
          type: 'numeric',
          label: 'Age',
          valueLabelCount: 0,
          missingCount: 1,
          missingWithReasonCount: 0,
          distinctCount: 2,
        },
        {
          name: 'sex',
          type: 'numeric',
          valueLabelCount: 2,
          missingCount: 1,
          missingWithReasonCount: 1,
          distinctCount: 2,
        },
        {
          name: 'cob',
          type: 'categorical',
          valueLabelCount: 0,
          missingCount: 1,
          missingWithReasonCount: 0,
          distinctCount: 2,
        },
      ],
    });
  });

  it('counts only the levels still used after selecting rows', () => {
    const ds = selectRows(createDataset([categoricalColumn('g', ['a', 'b', 'c'])]), [0, 0]);
    expect(describeDataset(ds).variables[0].distinctCount).toBe(1);
  });
});
