// Derived variables of lfs_small_reference.json (meta.derived_variables), added as columns.
import { numericColumn, withColumns } from '../../src/dataset/dataset.ts';
import type { Column, Dataset } from '../../src/dataset/dataset.types.ts';

function text(col: Column, i: number): string | null {
  if (col.kind === 'categorical') return col.codes[i] < 0 ? null : col.levels[col.codes[i]];
  return Number.isNaN(col.values[i]) ? null : String(col.values[i]);
}

/** Adds one, wap, lf, emp, unemp, fb, fcit, fb_wap, mig_lf, mig_emp, fcit_lf, rc_ratio, sdg_ok. */
export function deriveLfs(ds: Dataset): Dataset {
  const n = ds.nrows;
  const age = ds.column('age');
  const lfs = ds.column('lfs');
  const mig = ds.column('migrant');
  const fc = ds.column('foreign_citizen');
  const rmw = ds.column('recent_migrant_worker');
  const cost = ds.column('recruitment_cost');
  const earn = ds.column('first_month_earnings');
  const make = (name: string, f: (i: number) => number) => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = f(i);
    return numericColumn(name, v);
  };
  const num = (c: Column, i: number) => (c.kind === 'numeric' ? c.values[i] : NaN);
  const wap = (i: number) => (num(age, i) >= 15 ? 1 : 0);
  const emp = (i: number) => (text(lfs, i) === 'employed' ? 1 : 0);
  const unemp = (i: number) => (text(lfs, i) === 'unemployed' ? 1 : 0);
  const lf = (i: number) => emp(i) + unemp(i);
  const fb = (i: number) => (text(mig, i) === 'yes' ? 1 : 0);
  const fcit = (i: number) => (text(fc, i) === 'yes' ? 1 : 0);
  const rc = (i: number) => {
    const c = num(cost, i);
    const e = num(earn, i);
    return text(rmw, i) === 'yes' && !Number.isNaN(c) && !Number.isNaN(e) && e > 0 ? c / e : NaN;
  };
  return withColumns(ds, [
    make('one', () => 1),
    make('wap', wap),
    make('lf', lf),
    make('emp', emp),
    make('unemp', unemp),
    make('fb', fb),
    make('fcit', fcit),
    make('fb_wap', (i) => fb(i) * wap(i)),
    make('mig_lf', (i) => fb(i) * lf(i)),
    make('mig_emp', (i) => fb(i) * emp(i)),
    make('fcit_lf', (i) => fcit(i) * lf(i)),
    make('rc_ratio', rc),
    make('sdg_ok', (i) => (Number.isNaN(rc(i)) ? 0 : 1)),
  ]);
}
