import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../config/config.ts';
import {
  acrossEditions,
  breakdownOf,
  breakdownsOf,
  estimateRows,
  estimatesCsv,
} from './estimates.present.ts';
import { referenceDataOf } from './reference-data.cache.ts';

const data = referenceDataOf(join(findRepoRoot(), 'content'));

describe('the global estimates explorer', () => {
  it('compares the headline figure across the four editions (domain notes §4.1)', () => {
    expect(
      acrossEditions(data, 'migrant_workers', 'millions').map((r) => [r.referenceYear, r.value]),
    ).toEqual([
      [2013, 150.3],
      [2017, 164],
      [2019, 169],
      [2022, 167.7],
    ]);
  });

  it('breaks one edition down in the order of the categories, with the source of each figure', () => {
    const rows = breakdownOf(data, 2022, 'migrant_workers_distribution', 'percent', 'sector');
    expect(rows.map((r) => [r.category, r.value, r.source.id])).toEqual([
      ['agriculture', 7.4, 'ilo-ge-2024'],
      ['industry', 24.3, 'ilo-ge-2024'],
      ['services', 68.4, 'ilo-ge-2024'],
    ]);
    expect(breakdownsOf(data, 2022)).toContainEqual({
      indicator: 'migrant_workers_distribution',
      unit: 'percent',
      dimension: 'sector',
    });
  });

  it('writes every figure with its provenance as CSV', () => {
    const lines = estimatesCsv(estimateRows(data, 2013)).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFreference_year,edition,indicator,dimension,category,value,unit,source_publisher,source_title,source_year,locator,source_url,licence,checked_against',
    );
    expect(
      lines.some((l) =>
        l.startsWith('2013,1,migrant_workers,,,150.3,millions,International Labour Office (ILO),'),
      ),
    ).toBe(true);
  });
});
