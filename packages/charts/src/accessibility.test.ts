import { describe, expect, it } from 'vitest';
import {
  barChart,
  corridorMap,
  estimateChart,
  heatMap,
  lineChart,
  worldChoropleth,
  type ChartResult,
} from './index.ts';
import { idsOf, parseSvg } from './testing/svg.ts';

const source = 'ILO, test source (2024).';
const charts: Record<string, () => ChartResult> = {
  bar: () =>
    barChart({
      title: 'Bars',
      source,
      unit: 'millions',
      data: [
        { category: 'A', value: 1.5 },
        { category: 'B', value: 3 },
      ],
    }),
  line: () =>
    lineChart({
      title: 'Lines',
      source,
      unit: 'millions',
      data: [
        { series: 'Total', year: 2013, value: 150.3 },
        { series: 'Total', year: 2017, value: 164 },
      ],
    }),
  estimate: () =>
    estimateChart({
      title: 'Estimates',
      source,
      unit: '%',
      data: [{ label: 'Women', estimate: 12.4, lower: 9.1, upper: 15.7 }],
    }),
  heat: () =>
    heatMap({
      title: 'Matrix',
      source,
      rows: ['E1'],
      columns: ['M1'],
      cells: [{ row: 'E1', column: 'M1', score: 1 }],
    }),
  map: () => worldChoropleth({ title: 'Map', source, unit: '%', values: [{ id: '250', value: 12 }] }),
  corridors: () =>
    corridorMap({
      title: 'Corridors',
      source,
      unit: 'months',
      corridors: [{ origin: '524', destination: '458', value: 2 }],
    }),
};

describe.each(Object.entries(charts))('%s chart', (_name, render) => {
  it('is an image named by its <title> and described by its <desc>', () => {
    const result = render();
    const svg = parseSvg(result.svg).querySelector('svg') as Element;
    expect(svg.getAttribute('role')).toBe('img');
    const title = svg.querySelector(`#${svg.getAttribute('aria-labelledby')}`);
    const desc = svg.querySelector(`#${svg.getAttribute('aria-describedby')}`);
    expect(title?.tagName.toLowerCase()).toBe('title');
    expect(title?.textContent).toBe(result.title);
    expect(desc?.tagName.toLowerCase()).toBe('desc');
    expect(desc?.textContent).toBe(result.description);
    expect(result.description.length).toBeGreaterThan(20);
  });

  it('prints the source line under the chart', () => {
    const texts = [...parseSvg(render().svg).querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain(`Source: ${source}`);
  });

  it('is deterministic, with unique ids and no NaN or undefined in its markup', () => {
    const a = render().svg;
    expect(render().svg).toBe(a);
    expect(a).not.toMatch(/NaN|undefined|Infinity/);
    const ids = idsOf(parseSvg(a));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('returns the table of the data it shows', () => {
    const { table } = render();
    expect(table.columns.length).toBeGreaterThan(1);
    expect(table.rows.length).toBeGreaterThan(0);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });
});

describe('chart ids', () => {
  it('differ between two charts on one page and follow the caller’s id when given', () => {
    const a = barChart({ title: 'One', source, unit: 'x', data: [{ category: 'A', value: 1 }] });
    const b = barChart({
      title: 'Two',
      source,
      unit: 'x',
      data: [{ category: 'A', value: 1 }],
      id: 'sectors-2013',
    });
    expect(a.svg).toMatch(/id="chart-[0-9a-f]{8}-title"/);
    expect(b.svg).toContain('id="sectors-2013-title"');
    expect(() =>
      barChart({ title: 'x', source, unit: 'x', data: [{ category: 'A', value: 1 }], id: 'bad id"' }),
    ).toThrow(/chart id must start with a letter/);
  });

  it('escapes text from the caller', () => {
    const r = barChart({
      title: 'A <b> & "c"',
      source: '<script>',
      unit: 'x',
      data: [{ category: '<i>', value: 1 }],
    });
    expect(r.svg).not.toContain('<script>');
    expect(r.svg).not.toContain('<b>');
    expect(r.svg).not.toContain('<i>');
    expect(r.svg).toContain('A &lt;b&gt; &amp;');
  });
});
