import type { Column } from '../dataset/dataset.types.ts';
import { designColumn } from '../design/design-index.ts';
import type { Design } from '../design/design.types.ts';

/** One analysis term: a numeric variable, or the 0/1 indicator of one level of a categorical variable. */
export interface Term {
  readonly name: string;
  readonly column: Column;
  /** For a level indicator: the category code (categorical column) or value (numeric column treated as factor). */
  readonly level?: number;
}

/** Fills `out[k]` with the term's value on row `rows[k]`. */
export function termValues(t: Term, rows: Int32Array, out: Float64Array): void {
  const col = t.column;
  if (col.kind === 'numeric') {
    const v = col.values;
    if (t.level === undefined) for (let k = 0; k < rows.length; k++) out[k] = v[rows[k]];
    else for (let k = 0; k < rows.length; k++) out[k] = v[rows[k]] === t.level ? 1 : 0;
  } else {
    const c = col.codes;
    const lv = t.level as number;
    for (let k = 0; k < rows.length; k++) out[k] = c[rows[k]] === lv ? 1 : 0;
  }
}

function levelTerms(name: string, col: Column): Term[] {
  if (col.kind === 'categorical') {
    const present = new Uint8Array(col.levels.length);
    for (let i = 0; i < col.codes.length; i++) if (col.codes[i] >= 0) present[col.codes[i]] = 1;
    const idx = col.levels.map((_, j) => j).filter((j) => present[j]);
    idx.sort((a, b) => (col.levels[a] < col.levels[b] ? -1 : col.levels[a] > col.levels[b] ? 1 : 0));
    return idx.map((j) => ({ name: `${name}=${col.levels[j]}`, column: col, level: j }));
  }
  const seen = new Set<number>();
  const v = col.values;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) seen.add(v[i]);
  const values = [...seen].sort((a, b) => a - b);
  return values.map((v) => ({
    name: `${name}=${col.valueLabels?.get(v) ?? String(v)}`,
    column: col,
    level: v,
  }));
}

/**
 * Expands variable names into terms: a numeric variable is one term; a text variable, or one listed in `factor`,
 * gives one term per level present in the data (`VAR=LEVEL`, levels sorted).
 *
 * @throws RangeError for an unknown variable (naming it, with close names).
 */
export function expandTerms(
  design: Pick<Design, 'dataset'>,
  variables: readonly string[],
  factor: readonly string[],
  fn: string,
): Term[] {
  if (!Array.isArray(variables) || variables.length === 0)
    throw new RangeError(`${fn}: variables must list at least one variable`);
  const out: Term[] = [];
  for (const v of variables) {
    const col = designColumn(design.dataset, v, fn, 'variables');
    if (col.kind === 'categorical' || factor.includes(v)) out.push(...levelTerms(v, col));
    else out.push({ name: v, column: col });
  }
  return out;
}

/** A numeric variable's column. @throws TypeError when it holds text. */
export function numericVariable(
  design: Pick<Design, 'dataset'>,
  name: string,
  fn: string,
  arg: string,
): Column {
  const col = designColumn(design.dataset, name, fn, arg);
  if (col.kind !== 'numeric') throw new TypeError(`${fn}: ${arg} "${name}" must be numeric, it holds text`);
  return col;
}
