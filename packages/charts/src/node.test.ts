import { describe, expect, it } from 'vitest';
import { barChart } from './charts/bar-chart.ts';
import { svgToPng } from './node.ts';

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('svgToPng', () => {
  const chart = barChart({
    title: 'Sectors',
    source: 'ILO',
    unit: 'millions',
    data: [{ category: 'Services', value: 106.8 }],
  });

  it('renders a PNG at twice the SVG’s size by default, keeping its aspect ratio', () => {
    const png = svgToPng(chart.svg);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: chart.width * 2, height: chart.height * 2 });
  });

  it('renders at a requested width and refuses absurd widths', () => {
    expect(pngSize(svgToPng(chart.svg, { width: 320 })).width).toBe(320);
    expect(() => svgToPng(chart.svg, { width: 100_000 })).toThrow(
      /width must be an integer between 16 and 4000/,
    );
  });
});
