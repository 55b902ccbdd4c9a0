import type { Column } from '../dataset/dataset.types.ts';
import { designColumn } from '../design/design-index.ts';
import type { Design } from '../design/design.types.ts';
import type { WhereFilter, WhereRange } from './estimate.types.ts';

/** One domain: its by-values and its rows (with all analysis variables present). */
export interface Domain {
  readonly key: Readonly<Record<string, string>> | null;
  readonly rows: Int32Array;
}

/** Value of row i of a column as text (for by-values), or null when missing. */
export function cellText(col: Column, i: number): string | null {
  if (col.kind === 'categorical') return col.codes[i] < 0 ? null : col.levels[col.codes[i]];
  const v = col.values[i];
  return Number.isNaN(v) ? null : String(v);
}

/** Whether row i of `col` is missing. */
export function isMissing(col: Column, i: number): boolean {
  return col.kind === 'categorical' ? col.codes[i] < 0 : Number.isNaN(col.values[i]);
}

/** A mask of the rows kept by `where` (1 = kept). */
export function whereMask(
  design: Pick<Design, 'dataset' | 'n'>,
  where: WhereFilter | readonly WhereFilter[] | null | undefined,
  fn: string,
): Uint8Array {
  const mask = new Uint8Array(design.n).fill(1);
  for (const w of Array.isArray(where) ? where : where ? [where] : [])
    applyWhere(design, w as WhereFilter, mask, fn);
  return mask;
}

function applyWhere(
  design: Pick<Design, 'dataset' | 'n'>,
  where: WhereFilter,
  mask: Uint8Array,
  fn: string,
): void {
  if (typeof where !== 'object' || Array.isArray(where))
    throw new TypeError(`${fn}: where must be an object of variable → values`);
  for (const [name, accepted] of Object.entries(where)) {
    const col = designColumn(design.dataset, name, fn, 'where');
    if (accepted && typeof accepted === 'object' && !Array.isArray(accepted)) {
      applyRange(col, accepted as WhereRange, mask, `${fn}: where.${name}`);
      continue;
    }
    if (!Array.isArray(accepted))
      throw new TypeError(`${fn}: where.${name} must be a list of values or a range { gte, lte, … }`);
    const texts = new Set(accepted.map((v) => String(v)));
    if (col.kind === 'categorical') {
      const ok = col.levels.map((l) => texts.has(l));
      for (let i = 0; i < design.n; i++) if (!(col.codes[i] >= 0 && ok[col.codes[i]])) mask[i] = 0;
    } else {
      const nums = new Set(accepted.map((v) => (typeof v === 'boolean' ? Number(v) : Number(v))));
      for (let i = 0; i < design.n; i++) if (!nums.has(col.values[i])) mask[i] = 0;
    }
  }
}

/** Integer codes (-1 = missing) and labels of a by-variable. */
function codeColumn(col: Column): { codes: Int32Array; labels: string[] } {
  if (col.kind === 'categorical') return { codes: col.codes, labels: [...col.levels] };
  const codes = new Int32Array(col.values.length);
  const map = new Map<number, number>();
  const labels: string[] = [];
  for (let i = 0; i < codes.length; i++) {
    const v = col.values[i];
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    let k = map.get(v);
    if (k === undefined) {
      k = labels.length;
      map.set(v, k);
      labels.push(String(v));
    }
    codes[i] = k;
  }
  return { codes, labels };
}

/** The by-labels of row i (a separate function so the row loop captures no per-iteration binding). */
function labelsAt(coded: readonly { codes: Int32Array; labels: string[] }[], i: number): string[] {
  return coded.map((c) => c.labels[c.codes[i]]);
}

const RANGE_KEYS = ['gt', 'gte', 'lt', 'lte', 'ne', 'present'];

function applyRange(col: Column, r: WhereRange, mask: Uint8Array, what: string): void {
  for (const k of Object.keys(r))
    if (!RANGE_KEYS.includes(k))
      throw new RangeError(`${what}: unknown condition "${k}" (use ${RANGE_KEYS.join(', ')})`);
  if (col.kind === 'categorical') {
    if (Object.keys(r).some((k) => k !== 'present'))
      throw new TypeError(`${what}: "${col.name}" holds text; give a list of values`);
    for (let i = 0; i < mask.length; i++) if (col.codes[i] < 0) mask[i] = 0;
    return;
  }
  const v = col.values;
  const gt = r.gt ?? -Infinity;
  const gte = r.gte ?? -Infinity;
  const lt = r.lt ?? Infinity;
  const lte = r.lte ?? Infinity;
  const ne = r.ne;
  for (let i = 0; i < mask.length; i++) {
    const x = v[i];
    if (x !== x || !(x > gt && x >= gte && x < lt && x <= lte) || x === ne) mask[i] = 0;
  }
}

function compareLevels(a: string, b: string, numeric: boolean): number {
  if (numeric) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Splits the rows kept by `mask` into domains of the `by` variables (R's `svyby` order: present combinations,
 * first variable varying fastest), leaving out rows where any of `analysis` is missing.
 *
 * @returns the domains and how many rows were left out for missing analysis values.
 */
export function buildDomains(
  design: Pick<Design, 'dataset' | 'n'>,
  mask: Uint8Array,
  by: readonly string[],
  analysis: readonly Column[],
  fn: string,
): { domains: Domain[]; missing: number } {
  const byCols = by.map((b) => designColumn(design.dataset, b, fn, 'by'));
  const n = design.n;
  const coded = byCols.map(codeColumn);
  let width = 1;
  for (const c of coded) width *= Math.max(c.labels.length, 1);
  // column-wise passes over typed arrays: combined integer key per row, -1 when excluded
  const key = new Int32Array(n);
  for (let i = 0; i < n; i++) if (!mask[i]) key[i] = -1;
  let stride = 1;
  for (const c of coded) {
    const codes = c.codes;
    for (let i = 0; i < n; i++) {
      const k = key[i];
      if (k < 0) continue;
      const v = codes[i];
      key[i] = v < 0 ? -1 : k + v * stride;
    }
    stride *= Math.max(c.labels.length, 1);
  }
  let missing = 0;
  for (const a of analysis) {
    if (a.kind === 'numeric') {
      const v = a.values;
      for (let i = 0; i < n; i++) {
        if (key[i] >= 0 && v[i] !== v[i]) {
          key[i] = -1;
          missing++;
        }
      }
    } else {
      const v = a.codes;
      for (let i = 0; i < n; i++) {
        if (key[i] >= 0 && v[i] < 0) {
          key[i] = -1;
          missing++;
        }
      }
    }
  }
  // the domain of each row (in order of first appearance) and the domain sizes, in one pass
  const table = width <= 1 << 24 ? new Int32Array(width).fill(-1) : null;
  const map = table ? null : new Map<number, number>();
  const keyParts: string[][] = [];
  let counts = new Int32Array(16);
  for (let i = 0; i < n; i++) {
    const kk = key[i];
    if (kk < 0) continue;
    let k = table ? table[kk] : ((map as Map<number, number>).get(kk) ?? -1);
    if (k < 0) {
      k = keyParts.length;
      if (table) table[kk] = k;
      else (map as Map<number, number>).set(kk, k);
      keyParts.push(labelsAt(coded, i));
      if (k === counts.length) {
        const next = new Int32Array(k * 2);
        next.set(counts);
        counts = next;
      }
    }
    key[i] = k;
    counts[k]++;
  }
  const rows = keyParts.map((_, k) => new Int32Array(counts[k]));
  const fill = new Int32Array(keyParts.length);
  for (let i = 0; i < n; i++) {
    const k = key[i];
    if (k >= 0) rows[k][fill[k]++] = i;
  }
  const order = keyParts.map((_, k) => k);
  order.sort((a, b) => {
    for (let j = byCols.length - 1; j >= 0; j--) {
      const c = compareLevels(keyParts[a][j], keyParts[b][j], byCols[j].kind === 'numeric');
      if (c !== 0) return c;
    }
    return 0;
  });
  const domains: Domain[] = byCols.length
    ? order.map((k) => ({ key: Object.fromEntries(by.map((b, j) => [b, keyParts[k][j]])), rows: rows[k] }))
    : [{ key: null, rows: rows[0] ?? new Int32Array(0) }];
  return { domains, missing };
}
