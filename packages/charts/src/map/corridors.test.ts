import { describe, expect, it } from 'vitest';
import { parseSvg } from '../testing/svg.ts';
import { corridorMap } from './corridors.ts';

const base = { title: 'Corridors', source: 'Test.', unit: 'months' };

describe('corridorMap', () => {
  it('draws one arrow per corridor with both ends on the map, widest for the largest value', () => {
    const r = corridorMap({
      ...base,
      corridors: [
        { origin: '524', destination: '458', value: 2 },
        { origin: '608', destination: '634', value: 4 },
        { origin: '050', destination: '682', value: null },
      ],
    });
    const arcs = [...parseSvg(r.svg).querySelectorAll('path[marker-end]')];
    expect(arcs).toHaveLength(3);
    const widths = Object.fromEntries(
      arcs.map((a) => [a.querySelector('title')?.textContent, Number(a.getAttribute('stroke-width'))]),
    );
    expect(widths['Philippines → Qatar: 4 months']).toBe(7);
    expect(widths['Nepal → Malaysia: 2 months']).toBe(4.3);
    expect(arcs.filter((a) => a.getAttribute('stroke-dasharray'))).toHaveLength(1);
    expect(r.table.rows[0]).toEqual(['Philippines', 'Qatar', 4]);
  });

  it('lists corridors whose country is not on the map, and draws them when the caller gives a point', () => {
    const corridors = [{ origin: '608', destination: '702', value: 1 }];
    const without = corridorMap({ ...base, corridors, names: { '702': 'Singapore' } });
    expect(parseSvg(without.svg).querySelectorAll('path[marker-end]')).toHaveLength(0);
    expect(without.description).toContain(
      'Not drawn (country not on the map at this scale): Philippines → Singapore',
    );
    const withPoint = corridorMap({
      ...base,
      corridors,
      names: { '702': 'Singapore' },
      points: { '702': [103.8, 1.35] },
    });
    expect(parseSvg(withPoint.svg).querySelectorAll('path[marker-end]')).toHaveLength(1);
  });

  it('zooms to the corridors unless asked for the whole world', () => {
    const corridors = [{ origin: '524', destination: '458', value: 2 }];
    expect(corridorMap({ ...base, corridors }).svg).toContain('clip-path=');
    expect(corridorMap({ ...base, corridors, extent: 'world' }).svg).not.toContain('clip-path=');
  });

  it('rejects ids that are not ISO numeric codes', () => {
    expect(() =>
      corridorMap({ ...base, corridors: [{ origin: 'NPL', destination: '458', value: 1 }] }),
    ).toThrow(/three digits/);
  });
});
