import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn } from '../dataset/dataset.ts';
import { overviewDataset } from './dataset-overview.ts';

describe('overviewDataset', () => {
  const ds = createDataset(
    [
      numericColumn('sex', [1, 2, NaN], {
        label: 'Sex',
        valueLabels: new Map([
          [1, 'male'],
          [2, 'female'],
        ]),
      }),
      categoricalColumn('cob', ['MYS', '', 'IDN']),
      numericColumn('age', [30, 71, 4]),
    ],
    { source: 'x.sav' },
  );

  it('lists each variable with type, label, missing and distinct counts, value labels and range', () => {
    const o = overviewDataset(ds);
    expect(o.source).toBe('x.sav');
    expect(o.nrows).toBe(3);
    expect(o.variables[0]).toEqual({
      name: 'sex',
      type: 'numeric',
      label: 'Sex',
      valueLabelCount: 2,
      missingCount: 1,
      missingWithReasonCount: 0,
      distinctCount: 2,
      valueLabels: [
        { code: '1', label: 'male' },
        { code: '2', label: 'female' },
      ],
      valueLabelsTruncated: false,
      min: 1,
      max: 2,
    });
    expect(o.variables[1]).toMatchObject({
      name: 'cob',
      type: 'categorical',
      missingCount: 1,
      min: null,
      max: null,
    });
    expect(o.variables[2]).toMatchObject({ min: 4, max: 71 });
  });

  it('gives the first rows, missing values as null, and caps value labels', () => {
    const o = overviewDataset(ds, { previewRows: 2, maxValueLabels: 1 });
    expect(o.preview).toEqual([
      [1, 'MYS', 30],
      [2, null, 71],
    ]);
    expect(o.variables[0]).toMatchObject({
      valueLabels: [{ code: '1', label: 'male' }],
      valueLabelsTruncated: true,
    });
  });
});
