import { join } from 'node:path';
import { listMapCountries } from '@labmig/charts';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../config/config.ts';
import { parseCsv } from '../shared/csv-read.ts';
import { loadReferenceData } from './reference-data.loader.ts';
import {
  checkReferenceData,
  M49_REGIONS,
  roundingHalfUnit,
  type ReferenceData,
} from './reference-data.rules.ts';
import type { Figure } from './reference-data.schema.ts';

const DATA_DIR = join(findRepoRoot(), 'content', 'data');

function loaded(): ReferenceData {
  const result = loadReferenceData(DATA_DIR);
  if (!result.ok)
    throw new Error(result.problems.map((p) => `${p.file} ${p.where}: ${p.message}`).join('\n'));
  return result.data;
}

/** Reference data with one edition of the given figures, and a one-country list, for rule tests. */
function buildData(figures: Figure[]): ReferenceData {
  return {
    sources: [
      {
        id: 'pub',
        kind: 'primary',
        publisher: 'ILO',
        title: 'Report',
        year: 2021,
        url: 'https://example.org/r',
        licence: 'CC BY 4.0',
      },
      { id: 'press', kind: 'secondary', publisher: 'News', title: 'Article', url: 'https://example.org/a' },
    ],
    editions: [
      {
        version: 1,
        edition: 3,
        reference_year: 2019,
        published: 2021,
        file: 'ilo-global-estimates/2019.yaml',
        figures,
      },
    ],
    countries: [
      {
        alpha2: 'FR',
        alpha3: 'FRA',
        numeric: '250',
        name_en: 'France',
        name_fr: 'France',
        region: '150',
        sub_region: '155',
        intermediate_region: '',
      },
    ],
    m49Areas: [{ code: '155', name_en: 'Western Europe', name_fr: 'Europe occidentale' }],
  };
}

const fig = (over: Partial<Figure>): Figure => ({
  indicator: 'migrant_workers',
  value: 169,
  unit: 'millions',
  source: 'pub',
  locator: 'Table 1',
  ...over,
});

describe('the reference data files in content/data', () => {
  it('load, with every figure tied to a primary source, a locator and a reference year', () => {
    const data = loaded();
    expect(data.editions.map((e) => e.reference_year)).toEqual([2013, 2017, 2019, 2022]);
    const primary = new Map(data.sources.filter((s) => s.kind === 'primary').map((s) => [s.id, s]));
    for (const edition of data.editions) {
      for (const f of edition.figures) {
        expect(primary.get(f.source)?.year, `${edition.file}: ${f.indicator}`).toBeGreaterThanOrEqual(
          edition.reference_year,
        );
        expect(primary.get(f.source)?.url).toMatch(/^https?:\/\//);
        expect(f.locator.length).toBeGreaterThan(3);
        expect(
          f.checked?.length,
          `${edition.file}: ${f.indicator} was checked against no page`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('hold the headline figures of each edition', () => {
    const total = (year: number) =>
      loaded()
        .editions.find((e) => e.reference_year === year)
        ?.figures.find((f) => f.indicator === 'migrant_workers' && !f.by)?.value;
    expect([2013, 2017, 2019, 2022].map(total)).toEqual([150.3, 164, 169, 167.7]);
  });

  it('list the 249 ISO 3166-1 entries, each in one of the five M49 regions except Antarctica and Taiwan', () => {
    const { countries, m49Areas } = loaded();
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((c) => c.region))).toEqual(new Set([...M49_REGIONS, '']));
    expect(countries.filter((c) => c.region === '').map((c) => c.alpha3)).toEqual(['ATA', 'TWN']);
    const fr = countries.find((c) => c.alpha3 === 'FRA');
    expect(fr).toMatchObject({ alpha2: 'FR', numeric: '250', region: '150', sub_region: '155' });
    expect(countries.find((c) => c.alpha3 === 'CIV')).toMatchObject({
      region: '002',
      sub_region: '202',
      intermediate_region: '011',
    });
    expect(m49Areas.find((a) => a.code === '035')).toEqual({
      code: '035',
      name_en: 'South-eastern Asia',
      name_fr: 'Asie du Sud-Est',
    });
  });

  it('join every country of the world map (ISO numeric ids) to the country list', () => {
    const numeric = new Set(loaded().countries.map((c) => c.numeric));
    const ids = listMapCountries().flatMap((c) => (c.id ? [c.id] : []));
    expect(ids.length).toBe(173);
    expect(ids.filter((id) => !numeric.has(id))).toEqual([]);
  });
});

describe('checkReferenceData', () => {
  it('accepts consistent figures', () => {
    const figures = [
      fig({}),
      fig({ by: { sex: 'men' }, value: 99 }),
      fig({ by: { sex: 'women' }, value: 70 }),
    ];
    expect(checkReferenceData(buildData(figures))).toEqual([]);
  });

  it('refuses a figure whose source is unknown or only a press article', () => {
    const problems = checkReferenceData(
      buildData([fig({ source: 'nowhere' }), fig({ source: 'press', indicator: 'international_migrants' })]),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'source "nowhere" is not in sources.yaml',
      'source "press" is a secondary source; name the publication the figure comes from',
    ]);
  });

  it('refuses a source without a year', () => {
    const data = buildData([fig({})]);
    const noYear = { ...data, sources: [{ ...data.sources[0], year: undefined }, data.sources[1]] };
    expect(checkReferenceData(noYear).map((p) => p.message)).toEqual(['source "pub" has no year']);
  });

  it('refuses an unknown country code and an unknown page it was checked against', () => {
    const problems = checkReferenceData(buildData([fig({ by: { country: 'XYZ' }, checked: ['lost'] })]));
    expect(problems.map((p) => p.message)).toEqual([
      'checked against "lost", which is not in sources.yaml',
      'unknown country code "XYZ"',
    ]);
  });

  it('refuses parts that do not add up to their total beyond rounding', () => {
    const figures = [
      fig({}),
      fig({ by: { sex: 'men' }, value: 99 }),
      fig({ by: { sex: 'women' }, value: 72 }),
    ];
    expect(checkReferenceData(buildData(figures))).toEqual([
      {
        file: 'ilo-global-estimates/2019.yaml',
        where: 'migrant_workers by sex',
        message: 'parts add up to 171, not 169 (allowed rounding ±1.5)',
      },
    ]);
  });

  it('refuses shares of a distribution that do not add up to 100 %', () => {
    const share = (sector: 'agriculture' | 'industry' | 'services', value: number) =>
      fig({ indicator: 'migrant_workers_distribution', unit: 'percent', by: { sector }, value });
    expect(
      checkReferenceData(
        buildData([share('agriculture', 7.4), share('industry', 24.3), share('services', 68.4)]),
      ),
    ).toEqual([]);
    expect(
      checkReferenceData(
        buildData([share('agriculture', 7.4), share('industry', 24.3), share('services', 66.4)]),
      )[0].message,
    ).toBe('parts add up to 98.1, not 100 (allowed rounding ±0.15)');
  });

  it('refuses a share that does not match its count and total', () => {
    const figures = [
      fig({ value: 164 }),
      fig({ by: { income_group: 'high' }, value: 111.2 }),
      fig({
        indicator: 'migrant_workers_distribution',
        unit: 'percent',
        by: { income_group: 'high' },
        value: 69.9,
      }),
    ];
    expect(checkReferenceData(buildData(figures))[0].message).toMatch(
      /^69.9 % does not match 111.2 ÷ 164 \(between 67.568 and 68.043 %/,
    );
  });

  it('refuses a participation rate that does not match workers ÷ working-age migrants', () => {
    const figures = [
      fig({ value: 150.3 }),
      fig({ indicator: 'migrants_working_age', value: 206.6 }),
      fig({ indicator: 'migrant_lfpr', unit: 'percent', value: 72.2 }),
    ];
    expect(checkReferenceData(buildData(figures))[0].message).toMatch(/^72.2 % does not match 150.3 ÷ 206.6/);
  });

  it('refuses the same figure twice, and country codes that repeat or sit outside M49', () => {
    const data = buildData([fig({}), fig({})]);
    const bad = {
      ...data,
      countries: [...data.countries, { ...data.countries[0], alpha2: 'FX', numeric: '249', region: '999' }],
    };
    expect(checkReferenceData(bad).map((p) => p.message)).toEqual([
      'the same figure appears twice',
      'alpha3 code "FRA" appears twice',
      '"999" is not an M49 region',
      'M49 area 155 is under 150 elsewhere, not 999',
    ]);
  });
});

describe('roundingHalfUnit', () => {
  it('is half a unit of the last published decimal', () => {
    expect([164, 150.3, 7.45, 0].map(roundingHalfUnit)).toEqual([0.5, 0.05, 0.005, 0.5]);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });
});
