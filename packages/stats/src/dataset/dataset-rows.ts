import { categoricalFromCodes, createDataset, numericColumn } from './dataset.ts';
import type { Column, Dataset } from './dataset.types.ts';

function pickColumn(col: Column, rows: ArrayLike<number>): Column {
  if (col.kind === 'numeric') {
    const values = new Float64Array(rows.length);
    let reasons: Map<number, number | string> | undefined;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      values[i] = col.values[r];
      const why = col.missingReasons?.get(r);
      if (why !== undefined) (reasons ??= new Map()).set(i, why);
    }
    return numericColumn(col.name, values, {
      label: col.label,
      valueLabels: col.valueLabels,
      missingReasons: reasons,
      storage: col.storage,
    });
  }
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = col.codes[rows[i]];
  return categoricalFromCodes(col.name, codes, col.levels, col.label);
}

/**
 * A new dataset holding the given rows, in the given order (rows may repeat). Levels and labels are kept.
 *
 * @throws RangeError when a row index is not an integer in `[0, ds.nrows)`.
 * @example
 * const ds = createDataset([numericColumn('x', [10, 20, 30])]);
 * selectRows(ds, [2, 0]).column('x'); // values Float64Array [30, 10]
 */
export function selectRows(ds: Dataset, rows: ArrayLike<number>): Dataset {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Number.isInteger(r) || r < 0 || r >= ds.nrows) {
      throw new RangeError(`selectRows: row index ${r} at position ${i} is outside 0..${ds.nrows - 1}`);
    }
  }
  return createDataset(
    ds.columns.map((c) => pickColumn(c, rows)),
    { source: ds.source },
  );
}

/**
 * A new dataset with the rows for which `keep(row)` is true.
 *
 * @example
 * const ds = createDataset([numericColumn('x', [1, 2, 3])]);
 * filterRows(ds, (i) => i !== 1).nrows; // 2
 */
export function filterRows(ds: Dataset, keep: (row: number) => boolean): Dataset {
  const rows: number[] = [];
  for (let i = 0; i < ds.nrows; i++) if (keep(i)) rows.push(i);
  return selectRows(ds, rows);
}
