import type { Column } from '../dataset/dataset.types.ts';
import { designColumn } from '../design/design-index.ts';
import type { Design } from '../design/design.types.ts';
import type { WhereFilter } from './estimate.types.ts';

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
export function whereMask(design: Design, where: WhereFilter | null | undefined, fn: string): Uint8Array {
  const mask = new Uint8Array(design.n).fill(1);
  if (!where) return mask;
  if (typeof where !== 'object' || Array.isArray(where)) throw new TypeError(`${fn}: where must be an object of variable → values`);
  for (const [name, accepted] of Object.entries(where)) {
    if (!Array.isArray(accepted)) throw new TypeError(`${fn}: where.${name} must be a list of values`);
    const col = designColumn(design.dataset, name, fn, 'where');
    const texts = new Set(accepted.map((v) => String(v)));
    if (col.kind === 'categorical') {
      const ok = col.levels.map((l) => texts.has(l));
      for (let i = 0; i < design.n; i++) if (!(col.codes[i] >= 0 && ok[col.codes[i]])) mask[i] = 0;
    } else {
      const nums = new Set(accepted.map((v) => (typeof v === 'boolean' ? Number(v) : Number(v))));
      for (let i = 0; i < design.n; i++) if (!nums.has(col.values[i])) mask[i] = 0;
    }
  }
  return mask;
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
  design: Design,
  mask: Uint8Array,
  by: readonly string[],
  analysis: readonly Column[],
  fn: string,
): { domains: Domain[]; missing: number } {
  const byCols = by.map((b) => designColumn(design.dataset, b, fn, 'by'));
  const n = design.n;
  const code = new Int32Array(n).fill(-1);
  const keys = new Map<string, number>();
  const keyParts: string[][] = [];
  let missing = 0;
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    let parts: string[] | null = [];
    for (const c of byCols) {
      const t = cellText(c, i);
      if (t === null) {
        parts = null;
        break;
      }
      parts.push(t);
    }
    if (parts === null) continue;
    let skip = false;
    for (const a of analysis) if (isMissing(a, i)) skip = true;
    if (skip) {
      missing++;
      continue;
    }
    const key = parts.join('\u0000');
    let k = keys.get(key);
    if (k === undefined) {
      k = keyParts.length;
      keys.set(key, k);
      keyParts.push(parts);
    }
    code[i] = k;
  }
  const counts = new Int32Array(keyParts.length);
  for (let i = 0; i < n; i++) if (code[i] >= 0) counts[code[i]]++;
  const rows = keyParts.map((_, k) => new Int32Array(counts[k]));
  const fill = new Int32Array(keyParts.length);
  for (let i = 0; i < n; i++) if (code[i] >= 0) rows[code[i]][fill[code[i]]++] = i;
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
