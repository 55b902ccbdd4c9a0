import { describe, expect, it } from 'vitest';
import { RRandom } from './r-random.ts';

// Values printed by R 4.2.2 (Mersenne-Twister, sample.kind "Rejection"):
//   set.seed(1); sprintf("%.17g", runif(3))
//   set.seed(-7); sample(10); sample(5, 12, replace = TRUE)
//   set.seed(2026); sample(100000, 5); sample(3e6, 3, replace = TRUE)
describe('RRandom replays R set.seed/runif/sample', () => {
  it('runif after set.seed(1)', () => {
    const r = RRandom.seeded(1);
    expect([r.unifRand(), r.unifRand(), r.unifRand()]).toEqual([
      0.26550866314209998, 0.37212389963679016, 0.57285336335189641,
    ]);
  });

  it('sample without and with replacement, negative seed', () => {
    const r = RRandom.seeded(-7);
    expect([...r.sampleInt(10, 10, false)].map((x) => x + 1)).toEqual([6, 5, 7, 9, 2, 4, 1, 3, 8, 10]);
    expect([...r.sampleInt(5, 12, true)].map((x) => x + 1)).toEqual([3, 1, 4, 1, 5, 2, 3, 4, 4, 2, 4, 4]);
  });

  it('large n: 17 and 22 random bits, three 16-bit chunks', () => {
    const r = RRandom.seeded(2026);
    expect([...r.sampleInt(100000, 5, false)].map((x) => x + 1)).toEqual([36473, 18726, 1647, 56428, 45343]);
    expect([...r.sampleInt(3e6, 3, true)].map((x) => x + 1)).toEqual([2873658, 2186072, 1179727]);
  });

  it('refuses what R does differently or cannot do', () => {
    expect(() => RRandom.seeded(1.5)).toThrow('seed must be an integer');
    expect(() => RRandom.seeded(1).sampleInt(3, 4, false)).toThrow('cannot take 4 of 3');
    expect(() => RRandom.seeded(1).sampleInt(2e7, 4, false)).toThrow('R samples by hashing');
  });
});
