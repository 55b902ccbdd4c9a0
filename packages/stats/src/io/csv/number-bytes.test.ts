import { describe, expect, it } from 'vitest';
import { numberState, parseNumberBytes } from './number-bytes.ts';

const parse = (s: string, dec = 46) => {
  const b = new TextEncoder().encode(s);
  return parseNumberBytes(b, 0, b.length, dec);
};

describe('parseNumberBytes', () => {
  it('agrees with Number() on 20,000 random decimals (fast path and fallback)', () => {
    let seed = 42;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 20_000; k++) {
      const intDigits = 1 + Math.floor(rand() * 12);
      const fracDigits = Math.floor(rand() * 10);
      let s = String(1 + Math.floor(rand() * 9));
      for (let i = 1; i < intDigits; i++) s += Math.floor(rand() * 10);
      if (fracDigits) s += '.' + Array.from({ length: fracDigits }, () => Math.floor(rand() * 10)).join('');
      if (rand() < 0.3) s = '-' + s;
      if (rand() < 0.1) s += 'e' + (Math.floor(rand() * 40) - 20);
      expect(parse(s)).toBe(Number(s));
    }
  });

  it('says whether String(value) gives back the text', () => {
    const canonical = (s: string) => (parse(s), numberState.canonical);
    expect(canonical('1438.3396')).toBe(true);
    expect(canonical('-7')).toBe(true);
    expect(canonical('1.50')).toBe(false);
    expect(canonical('+1')).toBe(false);
    expect(canonical('1e3')).toBe(false);
    expect(canonical('.5')).toBe(false);
    expect(canonical('-0')).toBe(false);
  });

  it('rejects codes with leading zeros and non-numbers', () => {
    for (const s of ['0123', '-007', '00.5', '1.2.3', 'abc', '1e', '-', '', '1,5'])
      expect(parse(s)).toBeNaN();
    expect(parse('0')).toBe(0);
    expect(parse('0.25')).toBe(0.25);
    expect(parse(' 12 ')).toBe(12);
  });

  it('reads decimal commas when told to', () => {
    expect(parse('12,5', 44)).toBe(12.5);
    expect(parse('1,5e2', 44)).toBe(150);
    expect(parse('12.5', 44)).toBeNaN();
  });
});
