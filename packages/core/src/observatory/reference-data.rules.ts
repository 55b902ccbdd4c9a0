import type { Country, EditionFile, Figure, M49Area, Source } from './reference-data.schema.ts';

/** The reference data, parsed: what the Observatory shows and what the checks below walk. */
export interface ReferenceData {
  readonly sources: readonly Source[];
  /** The ILO global estimates, one entry per edition, ordered by reference year. */
  readonly editions: readonly (EditionFile & { readonly file: string })[];
  readonly countries: readonly Country[];
  readonly m49Areas: readonly M49Area[];
}

/** A problem found in the data files: which file, where in it, and what is wrong. */
export interface ReferenceDataProblem {
  readonly file: string;
  readonly where: string;
  readonly message: string;
}

/** The five M49 regions (Africa, Americas, Asia, Europe, Oceania). */
export const M49_REGIONS = ['002', '019', '142', '150', '009'] as const;

/** Breakdowns whose parts add up to the whole (counts to the total, distributions to 100 %). */
const PARTITIONS: readonly (readonly [string, readonly string[]])[] = [
  ['sex', ['men', 'women']],
  ['sector', ['agriculture', 'industry', 'services']],
  ['income_group', ['high', 'upper_middle', 'lower_middle', 'low']],
  ['labour_status', ['employed', 'unemployed']],
  ['age', ['15-24', '25-54', '55-64', '65+']],
  ['age', ['15-24', '25-64', '65+']],
];

/** Ratios between published figures: numerator ÷ denominator × 100 = result (e.g. LFPR = workers ÷ working-age). */
const RATIOS = [
  { numerator: 'migrant_workers', denominator: 'migrants_working_age', result: 'migrant_lfpr' },
  { numerator: 'migrant_workers', denominator: 'migrant_workers', result: 'migrant_workers_distribution' },
] as const;

/** Half a unit of the last decimal a value is published with: 150.3 → 0.05, 164 → 0.5. */
export function roundingHalfUnit(value: number): number {
  let decimals = 0;
  while (decimals < 6 && Math.abs(value * 10 ** decimals - Math.round(value * 10 ** decimals)) > 1e-9)
    decimals++;
  return 0.5 / 10 ** decimals;
}

const keyOf = (f: Figure) => `${f.indicator}|${f.unit}|${JSON.stringify(Object.entries(f.by ?? {}).sort())}`;

/**
 * Checks the reference data: every figure has a primary source, a locator and a reference year; pages it was
 * checked against exist; no figure appears twice; parts add up to their total within the rounding of the published
 * figures; counts and shares agree (e.g. 111.2 of 164 million is 67.9 %); country codes and M49 regions are known.
 * Returns every problem found (none means the data can be shown).
 */
export function checkReferenceData(data: ReferenceData): ReferenceDataProblem[] {
  const problems: ReferenceDataProblem[] = [];
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const alpha3 = new Set(data.countries.map((c) => c.alpha3));
  for (const edition of data.editions) {
    const seen = new Map<string, Figure>();
    edition.figures.forEach((f, i) => {
      const where = `figure ${i + 1} (${f.indicator}${f.by ? ` ${JSON.stringify(f.by)}` : ''})`;
      const add = (message: string) => problems.push({ file: edition.file, where, message });
      const source = sources.get(f.source);
      if (!source) add(`source "${f.source}" is not in sources.yaml`);
      else if (source.kind !== 'primary')
        add(`source "${f.source}" is a secondary source; name the publication the figure comes from`);
      else if (source.year === undefined) add(`source "${f.source}" has no year`);
      for (const ref of f.checked ?? [])
        if (!sources.has(ref)) add(`checked against "${ref}", which is not in sources.yaml`);
      if (f.by?.country && !alpha3.has(f.by.country)) add(`unknown country code "${f.by.country}"`);
      if (seen.has(keyOf(f))) add('the same figure appears twice');
      seen.set(keyOf(f), f);
    });
    problems.push(
      ...checkAdditivity(edition.file, edition.figures),
      ...checkRatios(edition.file, edition.figures),
    );
  }
  problems.push(...checkCountries(data.countries, data.m49Areas));
  return problems;
}

function find(figures: readonly Figure[], indicator: string, by: Record<string, string>): Figure | undefined {
  const want = JSON.stringify(Object.entries(by).sort());
  return figures.find(
    (f) => f.indicator === indicator && JSON.stringify(Object.entries(f.by ?? {}).sort()) === want,
  );
}

function checkAdditivity(file: string, figures: readonly Figure[]): ReferenceDataProblem[] {
  const problems: ReferenceDataProblem[] = [];
  const indicators = [...new Set(figures.map((f) => f.indicator))];
  for (const indicator of indicators) {
    for (const [dimension, categories] of PARTITIONS) {
      const parts = categories.map((c) => find(figures, indicator, { [dimension]: c }));
      if (parts.some((p) => p === undefined)) continue;
      const present = parts as Figure[];
      const isShare = present[0].unit === 'percent';
      const total = isShare ? { value: 100, exact: true } : find(figures, indicator, {});
      if (!isShare && total === undefined) continue;
      // Distributions of rates (LFPR by sex) do not add up; only counts and distributions (shares) do.
      if (isShare && !indicator.endsWith('_distribution')) continue;
      const sum = present.reduce((s, p) => s + p.value, 0);
      const totalValue = (total as { value: number }).value;
      const tolerance =
        present.reduce((s, p) => s + roundingHalfUnit(p.value), 0) +
        (isShare ? 0 : roundingHalfUnit(totalValue)) +
        1e-9;
      if (Math.abs(sum - totalValue) > tolerance) {
        problems.push({
          file,
          where: `${indicator} by ${dimension}`,
          message: `parts add up to ${round(sum)}, not ${totalValue} (allowed rounding ±${round(tolerance)})`,
        });
      }
    }
  }
  return problems;
}

function checkRatios(file: string, figures: readonly Figure[]): ReferenceDataProblem[] {
  const problems: ReferenceDataProblem[] = [];
  for (const rule of RATIOS) {
    for (const result of figures.filter((f) => f.indicator === rule.result)) {
      const by = { ...(result.by ?? {}) } as Record<string, string>;
      // A distribution's denominator is the total; a rate's denominator has the same breakdown.
      const num = find(figures, rule.numerator, by);
      const den = find(figures, rule.denominator, rule.result.endsWith('_distribution') ? {} : by);
      if (!num || !den || num === den) continue;
      const [hn, hd, hr] = [num.value, den.value, result.value].map(roundingHalfUnit);
      const low = ((num.value - hn) / (den.value + hd)) * 100;
      const high = ((num.value + hn) / (den.value - hd)) * 100;
      if (result.value + hr < low - 1e-9 || result.value - hr > high + 1e-9) {
        problems.push({
          file,
          where: `${rule.result} ${JSON.stringify(by)}`,
          message: `${result.value} % does not match ${num.value} ÷ ${den.value} (between ${round(low)} and ${round(high)} % allowing for rounding)`,
        });
      }
    }
  }
  return problems;
}

function checkCountries(countries: readonly Country[], areas: readonly M49Area[]): ReferenceDataProblem[] {
  const problems: ReferenceDataProblem[] = [];
  const add = (where: string, message: string) => problems.push({ file: 'countries.csv', where, message });
  const areaCodes = new Set(areas.map((a) => a.code));
  for (const key of ['alpha2', 'alpha3', 'numeric'] as const) {
    const values = countries.map((c) => c[key]);
    for (const dup of values.filter((v, i) => values.indexOf(v) !== i))
      add(dup, `${key} code "${dup}" appears twice`);
  }
  const parentOf = new Map<string, string>();
  for (const c of countries) {
    if (c.region && !(M49_REGIONS as readonly string[]).includes(c.region))
      add(c.alpha3, `"${c.region}" is not an M49 region`);
    for (const code of [c.sub_region, c.intermediate_region])
      if (code && !areaCodes.has(code)) add(c.alpha3, `unknown M49 area "${code}"`);
    if (c.sub_region && !c.region) add(c.alpha3, 'has a sub-region but no region');
    for (const [child, parent] of [
      [c.sub_region, c.region],
      [c.intermediate_region, c.sub_region],
    ]) {
      if (!child) continue;
      if (parentOf.has(child) && parentOf.get(child) !== parent)
        add(c.alpha3, `M49 area ${child} is under ${parentOf.get(child)} elsewhere, not ${parent}`);
      parentOf.set(child, parent);
    }
  }
  return problems;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
