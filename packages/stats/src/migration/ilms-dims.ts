import type { Dataset } from '../dataset/dataset.types.ts';
import { readNumberColumn, readTextColumn, recodeColumn } from './column-codes.ts';
import type { CubeDim } from './cube.ts';
import type { AgeBand, VariableMapping } from './mapping.types.ts';

/** Label of an age band, e.g. `15-24` or `65+`. */
export function ageBandLabel(b: AgeBand): string {
  return b.max === null ? `${b.min}+` : `${b.min}-${b.max}`;
}

/** Migrant status dimension from the `icls_migrant` column (levels migrant, non_migrant and, if present, unknown). */
export function migrantDim(ds: Dataset): CubeDim {
  const t = readTextColumn(ds, 'icls_migrant', 'columns.countryOfBirth');
  const order = ['migrant', 'non_migrant', 'unknown'].filter((l) => t.levels.includes(l) || l !== 'unknown');
  const map = t.levels.map((l) => order.indexOf(l));
  return { name: 'migrant', levels: order, codes: t.codes.map((c) => (c < 0 ? -1 : map[c])) };
}

/** Sex dimension (male, female). */
export function sexDim(ds: Dataset, m: VariableMapping): CubeDim | null {
  if (!m.columns.sex || !m.codes.sex) return null;
  const levels = ['male', 'female'];
  return {
    name: 'sex',
    levels,
    codes: recodeColumn(ds, m.columns.sex, 'columns.sex', 'codes.sex', m.codes.sex, levels),
  };
}

/** Age-band dimension; ages outside every band are missing (they count in the total only). */
export function ageDim(age: Float64Array, bands: readonly AgeBand[]): CubeDim {
  const codes = new Int32Array(age.length);
  for (let i = 0; i < age.length; i++) {
    const a = age[i];
    codes[i] = bands.findIndex((b) => a >= b.min && (b.max === null || a <= b.max));
  }
  return { name: 'age', levels: bands.map(ageBandLabel), codes };
}

/** Labour force status dimension. */
export function lfsDim(ds: Dataset, m: VariableMapping): CubeDim {
  const levels = ['employed', 'unemployed', 'outside_lf'];
  return {
    name: 'lfs',
    levels,
    codes: recodeColumn(ds, m.columns.lfs, 'columns.lfs', 'codes.lfs', m.codes.lfs, levels),
  };
}

/** Education dimension, levels in mapping order. */
export function educationDim(ds: Dataset, m: VariableMapping): CubeDim | null {
  if (!m.columns.education || !m.codes.education) return null;
  const levels = Object.keys(m.codes.education);
  return {
    name: 'education',
    levels,
    codes: recodeColumn(
      ds,
      m.columns.education,
      'columns.education',
      'codes.education',
      m.codes.education,
      levels,
    ),
  };
}

/** A dimension straight from a column's codes, levels sorted (numbers numerically). */
export function sortedDim(ds: Dataset, name: string, column: string, field: string): CubeDim {
  const t = readTextColumn(ds, column, field);
  const sorted = [...t.levels].sort((a, b) => {
    const x = Number(a),
      y = Number(b);
    return Number.isNaN(x) || Number.isNaN(y) ? a.localeCompare(b) : x - y;
  });
  const map = t.levels.map((l) => sorted.indexOf(l));
  return { name, levels: sorted, codes: t.codes.map((c) => (c < 0 ? -1 : map[c])) };
}

/** 1 for rows of working age (age ≥ minWorkingAge). */
export function workingAgeMask(ds: Dataset, m: VariableMapping): { mask: Uint8Array; age: Float64Array } {
  const age = readNumberColumn(ds, m.columns.age, 'columns.age');
  const mask = new Uint8Array(age.length);
  for (let i = 0; i < age.length; i++) mask[i] = age[i] >= m.minWorkingAge ? 1 : 0;
  return { mask, age };
}
