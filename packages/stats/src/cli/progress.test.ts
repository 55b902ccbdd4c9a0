import { describe, expect, it } from 'vitest';
import { progressBar } from './progress.ts';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progressBar', () => {
  it('draws nothing for a step that ends within 2 s', () => {
    const out: string[] = [];
    const c = clock();
    const bar = progressBar('reading a.csv', 100, { write: (s) => out.push(s), isTTY: true }, c.now);
    bar.update(50);
    c.advance(1900);
    bar.update(100);
    bar.end();
    expect(out).toEqual([]);
  });

  it('redraws one line in place on a terminal once the step passes 2 s, and ends it with a newline', () => {
    const out: string[] = [];
    const c = clock();
    const bar = progressBar('reading big.csv', 200, { write: (s) => out.push(s), isTTY: true }, c.now);
    c.advance(2500);
    bar.update(50);
    c.advance(500);
    bar.update(100);
    bar.end();
    expect(out[0]).toBe('\rreading big.csv [######..................]  25%  2.5 s');
    expect(out[1]).toBe('\rreading big.csv [############............]  50%  3.0 s');
    expect(out.at(-1)).toBe('\rreading big.csv [########################] 100%  3.0 s\n');
  });

  it('writes one line per tenth to a log', () => {
    const out: string[] = [];
    const c = clock();
    const bar = progressBar('estimates', 4, { write: (s) => out.push(s) }, c.now);
    c.advance(3000);
    for (let k = 1; k <= 4; k++) {
      c.advance(200);
      bar.update(k);
    }
    bar.end();
    expect(out).toEqual([
      'estimates: 25% (3.2 s)\n',
      'estimates: 50% (3.4 s)\n',
      'estimates: 75% (3.6 s)\n',
      'estimates: 100% (3.8 s)\n',
    ]);
  });
});
