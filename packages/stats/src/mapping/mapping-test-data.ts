// Small constructed survey files for the mapping tests: a column kind gives plausible values for 60 persons.
import { categoricalColumn, createDataset, numericColumn } from '../dataset/dataset.ts';
import type { Column, Dataset } from '../dataset/dataset.types.ts';

export const ROWS = 60;

const labelled = (labels: Record<number, string>) =>
  new Map(Object.entries(labels).map(([k, v]) => [Number(k), v]));
const countries = ['MYS', 'MYS', 'MYS', 'IDN', 'MYS', 'NPL', 'MYS', 'BGD', 'MYS', 'PHL'];
const isic = 'ABCFGHIKMOPQRT';

/** Values of each kind of column; `n` = number, `t` = text, `l` = value labels. */
const KINDS = {
  weight: { n: (i: number) => 150 + (i % 7) * 12.5 },
  designWeight: { n: (i: number) => 140 + (i % 3) },
  stratum: { n: (i: number) => 1 + (i % 4) },
  psu: { n: (i: number) => 1 + (Math.floor(i / 4) % 6) },
  age: { n: (i: number) => (i * 7) % 90 },
  ageGroup: { n: (i: number) => 1 + (i % 5) },
  sex: { n: (i: number) => 1 + (i % 2), l: labelled({ 1: 'Male', 2: 'Female' }) },
  sexText: { t: (i: number) => (i % 2 ? 'F' : 'M') },
  sexFr: { t: (i: number) => (i % 2 ? 'Femme' : 'Homme') },
  lfs: {
    n: (i: number) => 1 + (i % 3),
    l: labelled({ 1: 'Employed', 2: 'Unemployed', 3: 'Outside the labour force' }),
  },
  lfsFr: { n: (i: number) => 1 + (i % 3), l: labelled({ 1: 'Actif occupé', 2: 'Chômeur', 3: 'Inactif' }) },
  lfsEs: { n: (i: number) => 1 + (i % 3), l: labelled({ 1: 'Ocupado', 2: 'Desocupado', 3: 'Inactivo' }) },
  lfsCodes: { n: (i: number) => 1 + (i % 3) },
  country: { t: (i: number) => countries[i % 10] },
  foreignFlag: { n: (i: number) => (i % 10 === 3 ? 1 : 0), l: labelled({ 0: 'no', 1: 'yes' }) },
  birthYear: { n: (i: number) => 1940 + (i % 60) },
  year: { n: (i: number) => (i % 10 === 3 ? 2000 + (i % 25) : NaN) },
  surveyYear: { n: () => 2023 },
  reason: {
    n: (i: number) => 1 + (i % 5),
    l: labelled({ 1: 'Work', 2: 'Family', 3: 'Study', 4: 'Refugee', 5: 'Other' }),
  },
  reasonFr: {
    n: (i: number) => 1 + (i % 4),
    l: labelled({ 1: 'Travail', 2: 'Regroupement familial', 3: 'Études', 4: 'Autre' }),
  },
  isic: { t: (i: number) => isic[i % isic.length] },
  isco: { n: (i: number) => i % 10 },
  icse18: { n: (i: number) => [11, 22, 30, 41, 42, 43, 44, 51][i % 8] },
  icse93: {
    n: (i: number) => 1 + (i % 5),
    l: labelled({
      1: 'Employees',
      2: 'Employers',
      3: 'Own-account workers',
      4: 'Members of producers’ cooperatives',
      5: 'Contributing family workers',
    }),
  },
  education: {
    n: (i: number) => 1 + (i % 5),
    l: labelled({ 1: 'No schooling', 2: 'Primary', 3: 'Upper secondary', 4: 'University', 5: 'Not stated' }),
  },
  isced: { n: (i: number) => i % 9 },
  cost: { n: (i: number) => (i % 10 === 3 ? 500 + i : NaN) },
  earnings: { n: (i: number) => (i % 10 === 3 ? 900 + i : NaN) },
  monthly: { n: (i: number) => 800 + i * 10 },
  id: { n: (i: number) => i + 1 },
} as const;

export type ColumnKind = keyof typeof KINDS;

/** One column of a constructed file: name, kind of values, optional variable label. */
export type ColumnSpec = readonly [name: string, kind: ColumnKind, label?: string];

/**
 * A dataset of 60 persons with the given columns.
 *
 * @example
 * buildDataset([['poids', 'weight'], ['sexe', 'sexFr']]).column('sexe').kind; // 'categorical'
 */
export function buildDataset(specs: readonly ColumnSpec[]): Dataset {
  const cols: Column[] = specs.map(([name, kind, label]) => {
    const k = KINDS[kind] as {
      n?: (i: number) => number;
      t?: (i: number) => string;
      l?: Map<number, string>;
    };
    const idx = Array.from({ length: ROWS }, (_, i) => i);
    if (k.t) return categoricalColumn(name, idx.map(k.t), { label });
    return numericColumn(name, idx.map(k.n as (i: number) => number), { label, valueLabels: k.l });
  });
  return createDataset(cols, { source: 'test.sav' });
}
