import { describe, expect, it } from 'vitest';
import { parseSvg } from '../testing/svg.ts';
import { barChart } from './bar-chart.ts';
import { estimateChart, estimateQuality } from './estimate-chart.ts';
import { heatMap, SCORE_COLOURS } from './heat-map.ts';
import { lineChart } from './line-chart.ts';

const source = 'ILO (2015).';
const texts = (svg: string) => [...parseSvg(svg).querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('barChart', () => {
  const sectors = [
    { category: 'Industry', value: 26.7 },
    { category: 'Services', value: 106.8 },
    { category: 'Agriculture', value: 16.7 },
  ];

  it('draws a bar per category, largest first, each labelled with its value', () => {
    const r = barChart({ title: 'Sectors', source, unit: 'millions', data: sectors });
    const doc = parseSvg(r.svg);
    expect(
      doc.querySelectorAll('rect[height][x][width][y]:not([fill="#fff"])').length,
    ).toBeGreaterThanOrEqual(3);
    const labels = texts(r.svg);
    expect(labels.indexOf('Services')).toBeLessThan(labels.indexOf('Industry'));
    expect(labels.indexOf('Industry')).toBeLessThan(labels.indexOf('Agriculture'));
    expect(labels).toEqual(expect.arrayContaining(['106.8', '26.7', '16.7']));
    expect(r.description).toBe(
      'Bar chart of 3 categories. Highest: Services, 106.8 millions. Lowest: Agriculture, 16.7 millions.',
    );
    expect(r.table.rows).toEqual([
      ['Industry', 26.7],
      ['Services', 106.8],
      ['Agriculture', 16.7],
    ]);
  });

  it('groups bars with a legend entry per group and marks missing values "No data"', () => {
    const r = barChart({
      title: 'By sex',
      source,
      unit: 'millions',
      sort: 'none',
      data: [
        { category: '2013', group: 'Men', value: 83.7 },
        { category: '2013', group: 'Women', value: 66.6 },
        { category: '2019', group: 'Men', value: 99 },
        { category: '2019', group: 'Women', value: null },
      ],
    });
    const legend = [...parseSvg(r.svg).querySelectorAll('g.legend text')].map((t) => t.textContent);
    expect(legend).toEqual(['Men', 'Women']);
    expect(texts(r.svg)).toContain('No data');
    expect(r.table.columns.map((c) => c.key)).toEqual(['category', 'group', 'value']);
    expect(r.table.rows[3]).toEqual(['2019', 'Women', null]);
  });

  it('formats numbers and words in French', () => {
    const r = barChart({ title: 'Secteurs', source, unit: 'millions', locale: 'fr', data: sectors });
    expect(texts(r.svg)).toEqual(expect.arrayContaining(['106,8', 'Source : ILO (2015).']));
  });

  it('rejects empty data and values that are not numbers', () => {
    expect(() => barChart({ title: 'x', source, unit: 'x', data: [] })).toThrow(/at least one data point/);
    expect(() =>
      barChart({ title: 'x', source, unit: 'x', data: [{ category: 'a', value: Infinity }] }),
    ).toThrow(/finite number or null/);
  });
});

describe('lineChart', () => {
  it('draws a line per series, labels each point and names series at their last point', () => {
    const data = [
      { series: 'Men', year: 2013, value: 83.7 },
      { series: 'Men', year: 2022, value: 102.7 },
      { series: 'Women', year: 2013, value: 66.6 },
      { series: 'Women', year: 2022, value: 64.9 },
    ];
    const r = lineChart({ title: 'Editions', source, unit: 'millions', data });
    const doc = parseSvg(r.svg);
    expect(doc.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(doc.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(4);
    expect(texts(r.svg)).toEqual(expect.arrayContaining(['83.7', '102.7', 'Men', 'Women', '2013', '2022']));
    expect(r.table.rows).toHaveLength(4);
  });

  it('rejects a year that is not an integer', () => {
    expect(() =>
      lineChart({ title: 'x', source, unit: 'x', data: [{ series: 'a', year: 2013.5, value: 1 }] }),
    ).toThrow(/year must be an integer/);
  });
});

describe('estimateChart', () => {
  const data = [
    { label: 'Men', estimate: 9.8, lower: 7.9, upper: 11.7 },
    { label: 'Women', estimate: 12.4, lower: 9.1, upper: 15.7, flags: ['high_cv'] },
    { label: 'Youth', estimate: 30, lower: 20, upper: 40, flags: ['suppressed'] },
    { label: 'Older', estimate: null, lower: null, upper: null, flags: ['undefined'] },
  ];

  it('classifies quality from the engine’s flags', () => {
    expect(data.map(estimateQuality)).toEqual(['reliable', 'caution', 'suppressed', 'unavailable']);
  });

  it('draws reliable estimates solid, flagged ones hollow and dashed, and names those it does not draw', () => {
    const r = estimateChart({ title: 'UR', source, unit: '%', data });
    const doc = parseSvg(r.svg);
    const dots = [...doc.querySelectorAll('g[aria-label="dot"] circle')];
    expect(dots).toHaveLength(2);
    expect(
      dots.filter(
        (d) => d.closest('g')?.getAttribute('fill') === '#fff' || d.getAttribute('fill') === '#fff',
      ),
    ).toHaveLength(1);
    expect(doc.querySelectorAll('[stroke-dasharray="4 3"]').length).toBeGreaterThan(0);
    expect(texts(r.svg)).toEqual(expect.arrayContaining(['Suppressed', 'Not available', 'Use with caution']));
    expect(r.description).toContain('1 to be used with caution');
    expect(r.description).toContain('2 not shown');
  });

  it('never puts a suppressed value in the table', () => {
    const r = estimateChart({ title: 'UR', source, unit: '%', data });
    expect(r.table.rows[2]).toEqual(['Youth', null, null, null, 'Suppressed']);
    expect(r.svg).not.toContain('>30<');
  });

  it('rejects an interval whose lower bound is above its upper bound', () => {
    expect(() =>
      estimateChart({
        title: 'x',
        source,
        unit: '%',
        data: [{ label: 'a', estimate: 1, lower: 2, upper: 0 }],
      }),
    ).toThrow(/lower bound above upper bound for "a"/);
  });
});

describe('heatMap', () => {
  const rows = ['E1', 'E2'];
  const columns = ['M1', 'M2'];
  const cells = [
    { row: 'E1', column: 'M1', score: 1 as const, note: 'Both fund TVET' },
    { row: 'E1', column: 'M2', score: -1 as const },
    { row: 'E2', column: 'M1', score: 0 as const },
    { row: 'E2', column: 'M2', score: null },
  ];

  it('colours and marks each scored pair and hatches the gaps', () => {
    const r = heatMap({ title: 'Coherence', source, rows, columns, cells });
    const doc = parseSvg(r.svg);
    const fills = [...doc.querySelectorAll('g[aria-label="cell"] rect')].map(
      (c) => c.getAttribute('fill') ?? c.closest('g')?.getAttribute('fill'),
    );
    expect(fills).toEqual(
      expect.arrayContaining([SCORE_COLOURS['1'], SCORE_COLOURS['-1'], SCORE_COLOURS['0']]),
    );
    expect(r.svg).toMatch(/fill="url\(#chart-[0-9a-f]{8}-gap\)"/);
    expect(texts(r.svg)).toEqual(expect.arrayContaining(['+', '−', '0', '?']));
    expect(r.description).toBe(
      'Coherence matrix of 2 by 2 objectives: 1 conflicts, 1 neutral, 1 synergies, 1 pairs not assessed.',
    );
    expect(r.table.rows[0]).toEqual(['E1', 'M1', 1, 'Synergy', 'Both fund TVET']);
  });

  it('rejects unknown rows, duplicate pairs and scores outside −1, 0, 1', () => {
    expect(() =>
      heatMap({ title: 'x', source, rows, columns, cells: [{ row: 'E9', column: 'M1', score: 1 }] }),
    ).toThrow(/not in the matrix/);
    expect(() => heatMap({ title: 'x', source, rows, columns, cells: [cells[0], cells[0]] })).toThrow(
      /listed twice/,
    );
    expect(() =>
      heatMap({ title: 'x', source, rows, columns, cells: [{ row: 'E1', column: 'M1', score: 2 as 1 }] }),
    ).toThrow(/score must be/);
  });
});
