import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSvg } from '../testing/svg.ts';
import { worldChoropleth, type CountryValue } from './choropleth.ts';
import { sequentialPalette } from './palette.ts';
import { listMapCountries } from './world.ts';

const source = 'Test data.';
const mapIds = listMapCountries().flatMap((c) => (c.id ? [c.id] : []));

function valuesFor(ids: readonly string[]): CountryValue[] {
  return ids.map((id, i) => ({ id, value: (i * 37) % 101 }));
}

describe('listMapCountries', () => {
  it('has 176 areas without Antarctica, 173 with an ISO numeric id and none twice', () => {
    const all = listMapCountries();
    expect(all).toHaveLength(176);
    expect(mapIds).toHaveLength(173);
    expect(new Set(mapIds).size).toBe(173);
    expect(mapIds).not.toContain('010');
    expect(
      all
        .filter((c) => c.id === null)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Kosovo', 'N. Cyprus', 'Somaliland']);
  });
});

describe('worldChoropleth', () => {
  it('draws one path per country of the base map, with finite coordinates', () => {
    const doc = parseSvg(worldChoropleth({ title: 'T', source, unit: '%', values: valuesFor(mapIds) }).svg);
    const paths = [...doc.querySelectorAll('g.countries > path')];
    expect(paths).toHaveLength(176);
    expect(doc.querySelectorAll('path[data-id]')).toHaveLength(173);
    for (const p of paths) expect(p.getAttribute('d')).toMatch(/^M[-\d.,LZM]+$/);
  });

  it('fills a country with the colour of its class: the highest value gets the darkest blue, the lowest the lightest', () => {
    const values: CountryValue[] = [
      { id: '250', value: 90 },
      { id: '276', value: 10 },
      { id: '380', value: 50 },
      { id: '724', value: 30 },
      { id: '620', value: 70 },
    ];
    const doc = parseSvg(
      worldChoropleth({
        title: 'T',
        source,
        unit: '%',
        values,
        classification: { method: 'equal-interval', classes: 4 },
      }).svg,
    );
    const fill = (id: string) => doc.querySelector(`path[data-id="${id}"]`)?.getAttribute('fill');
    const blues = sequentialPalette(4);
    expect(fill('250')).toBe(blues[3]);
    expect(fill('276')).toBe(blues[0]);
    expect(fill('380')).toBe(blues[2]); // 50 is the lower bound of class 3 of [10, 30, 50, 70, 90]
    expect(fill('076')).toMatch(/^url\(#chart-[0-9a-f]{8}-nodata\)$/);
  });

  it('has a legend entry per class, with its range and count, and one for no data', () => {
    const values = valuesFor(mapIds.slice(0, 50));
    const r = worldChoropleth({
      title: 'T',
      source,
      unit: '%',
      values,
      classification: { method: 'quantile', classes: 5 },
    });
    const labels = [...parseSvg(r.svg).querySelectorAll('g.legend text')].map((t) => t.textContent ?? '');
    expect(labels).toHaveLength(6);
    expect(labels[5]).toBe('No data');
    const counts = labels.slice(0, 5).map((l) => Number(/\((\d+)\)$/.exec(l)?.[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(50);
    expect(labels[0]).toMatch(/^0–\d+ \(\d+\)$/);
  });

  it('writes the legend and hover titles in French with French number formats', () => {
    const r = worldChoropleth({
      title: 'T',
      source,
      unit: '%',
      locale: 'fr',
      values: [
        { id: '250', value: 12.5, name: 'France' },
        { id: '276', value: 3.25 },
      ],
    });
    expect(r.svg).toContain('<title>France: 12,50\u00a0%</title>');
    expect(r.svg).toContain('Pas de données');
    expect(r.svg).toContain('Source : Test data.');
  });

  it('keeps countries too small for the map in the table and names them in the description', () => {
    const r = worldChoropleth({
      title: 'T',
      source,
      unit: '%',
      values: [
        { id: '702', value: 37.1, name: 'Singapore' },
        { id: '250', value: 12, name: 'France' },
      ],
    });
    expect(r.table.rows).toEqual([
      ['Singapore', '702', 37.1],
      ['France', '250', 12],
    ]);
    expect(r.description).toContain('Not shown on the map at this scale: Singapore');
  });

  it('rejects ids that are not three digits, duplicates and non-finite values', () => {
    expect(() =>
      worldChoropleth({ title: 'T', source, unit: '%', values: [{ id: 'FRA', value: 1 }] }),
    ).toThrow(/three digits/);
    expect(() =>
      worldChoropleth({
        title: 'T',
        source,
        unit: '%',
        values: [
          { id: '250', value: 1 },
          { id: '250', value: 2 },
        ],
      }),
    ).toThrow(/listed twice/);
    expect(() =>
      worldChoropleth({ title: 'T', source, unit: '%', values: [{ id: '250', value: NaN }] }),
    ).toThrow(/finite number or null/);
  });

  it('stays under 60 KB gzipped with every country filled (the atlas page budget is 120 KB)', () => {
    const r = worldChoropleth({ title: 'T', source, unit: '%', values: valuesFor(mapIds) });
    expect(gzipSync(r.svg, { level: 9 }).length).toBeLessThan(60_000);
  });
});
