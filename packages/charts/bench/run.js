// Benchmark of packages/charts (npm run bench:charts): bytes of the world map SVG (raw, gzip, brotli) and render
// times of the map, the corridor map and PNG export. Prints JSON on stdout. Not part of `npm test`.
import { register } from 'tsx/esm/api';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import os from 'node:os';

register();
const charts = await import('../src/index.ts');
const { svgToPng } = await import('../src/node.ts');

// Deterministic values for every country of the map (Park–Miller generator, fixed seed).
let seed = 20261203;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const ids = charts.listMapCountries().flatMap((c) => (c.id ? [c.id] : []));
const values = ids.map((id) => ({ id, value: Math.round(random() ** 2 * 600) / 10 }));
const corridors = Array.from({ length: 20 }, (_, i) => ({
  origin: ids[(i * 7) % ids.length],
  destination: ids[(i * 13 + 5) % ids.length],
  value: Math.round(random() * 50) / 10,
}));
const mapOptions = {
  title: 'International migrant workers as a share of the labour force',
  subtitle: 'Per cent, latest year available',
  source: 'Benchmark data; base map Natural Earth 1:110m.',
  unit: '%',
  values,
};

function sizes(svg) {
  return {
    raw: Buffer.byteLength(svg),
    gzip6: gzipSync(svg, { level: 6 }).length,
    gzip9: gzipSync(svg, { level: 9 }).length,
    brotli5: brotliCompressSync(svg, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length,
    brotli11: brotliCompressSync(svg, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function timeMs(fn, runs) {
  const times = [];
  let value;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    value = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Math.round(times[Math.floor(runs / 2)] * 10) / 10, value };
}

const cold = timeMs(() => charts.worldChoropleth(mapOptions), 1);
const map = timeMs(() => charts.worldChoropleth(mapOptions), 21);
const corridorMap = timeMs(
  () => charts.corridorMap({ ...mapOptions, unit: 'months', corridors, extent: 'world' }),
  21,
);
const png = timeMs(() => svgToPng(map.value.svg), 5);
const bar = timeMs(
  () =>
    charts.barChart({
      title: 'Sectors',
      source: 'Benchmark',
      unit: 'millions',
      data: [
        { category: 'Services', value: 106.8 },
        { category: 'Industry', value: 26.7 },
        { category: 'Agriculture', value: 16.7 },
      ],
    }),
  21,
);

console.log(
  JSON.stringify(
    {
      node: process.version,
      cpus: os.cpus().length,
      loadavg1: Math.round(os.loadavg()[0] * 100) / 100,
      worldChoropleth: {
        countriesWithValues: values.length,
        paths: (map.value.svg.match(/<path /g) ?? []).length,
        bytes: sizes(map.value.svg),
        firstRenderMs: cold.medianMs,
        medianRenderMs: map.medianMs,
      },
      corridorMap: {
        corridors: corridors.length,
        bytes: sizes(corridorMap.value.svg),
        medianRenderMs: corridorMap.medianMs,
      },
      barChart: { bytes: sizes(bar.value.svg), medianRenderMs: bar.medianMs },
      pngOfMap: { widthPx: map.value.width * 2, bytes: png.value.length, medianRenderMs: png.medianMs },
    },
    null,
    2,
  ),
);
