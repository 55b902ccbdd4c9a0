import { categoricalFromCodes, numericColumn, withColumns } from '../dataset/dataset.ts';
import type { Column, Dataset } from '../dataset/dataset.types.ts';
import type { MappingColumns, VariableMapping } from './mapping.types.ts';

function withoutCodes(col: Column, codes: ReadonlySet<string>): Column {
  if (col.kind === 'categorical') {
    const drop = col.levels.map((l) => codes.has(l));
    const out = col.codes.map((c) => (c >= 0 && drop[c] ? -1 : c));
    return categoricalFromCodes(col.name, out, col.levels, col.label);
  }
  const labels = col.valueLabels;
  // a labelled number is dropped by its code ("99") or by its value label ("not stated")
  const dropValue = (v: number) => codes.has(String(v)) || codes.has(labels?.get(v) ?? '\u0000');
  const values = col.values.map((v) => (v === v && dropValue(v) ? NaN : v));
  return numericColumn(col.name, values, { label: col.label, valueLabels: labels, storage: col.storage });
}

/**
 * The dataset with the mapping's `missing` codes read as missing (`{ "lfs": ["9"], "age": ["999"] }`: those values
 * of the mapped columns become NaN / missing). Other columns are shared, not copied.
 *
 * @example
 * applyMissingCodes(ds, { ...mapping, missing: { age: ['999'] } }).column('age'); // 999 → NaN
 */
export function applyMissingCodes(
  ds: Dataset,
  mapping: {
    readonly columns?: Readonly<Partial<MappingColumns>>;
    readonly missing?: VariableMapping['missing'];
  },
): Dataset {
  const replaced: Column[] = [];
  const done = new Set<string>();
  for (const [field, codes] of Object.entries(mapping.missing ?? {})) {
    const name = mapping.columns?.[field as keyof MappingColumns];
    if (!name || !codes?.length || !ds.has(name) || done.has(name)) continue;
    done.add(name);
    replaced.push(withoutCodes(ds.column(name), new Set(codes)));
  }
  return replaced.length ? withColumns(ds, replaced) : ds;
}
