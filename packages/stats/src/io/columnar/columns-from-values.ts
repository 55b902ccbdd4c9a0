import { categoricalFromCodes, numericColumn } from '../../dataset/dataset.ts';
import type { Column } from '../../dataset/dataset.types.ts';

/**
 * A dataset column from the values of a Parquet or Arrow column: numbers (also bigints and booleans, as 0/1) become
 * a numeric column, text a categorical one (an empty text is a level, not missing: these formats have nulls);
 * null and undefined are missing. Returns null for values of another kind (lists, structs, bytes), with the
 * first such value's type for the message.
 */
export function columnFromValues(name: string, values: ArrayLike<unknown>): Column | { unsupported: string } {
  const n = values.length;
  let kind: 'numeric' | 'text' | null = null;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const t = typeof v;
    const k =
      t === 'number' || t === 'bigint' || t === 'boolean' || v instanceof Date
        ? 'numeric'
        : t === 'string'
          ? 'text'
          : null;
    if (k === null) return { unsupported: v instanceof Uint8Array ? 'bytes' : Array.isArray(v) ? 'list' : t };
    if (kind && kind !== k) return { unsupported: `mixed ${kind} and ${k}` };
    kind = k;
  }
  if (kind !== 'text') {
    if (values instanceof Float64Array) return numericColumn(name, values);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v === null || v === undefined ? NaN : v instanceof Date ? v.getTime() : Number(v);
    }
    return numericColumn(name, out);
  }
  const codes = new Int32Array(n);
  const index = new Map<string, number>();
  const levels: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i] as string | null | undefined;
    if (v === null || v === undefined) {
      codes[i] = -1;
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = levels.length;
      index.set(v, c);
      levels.push(v);
    }
    codes[i] = c;
  }
  return categoricalFromCodes(name, codes, levels);
}
