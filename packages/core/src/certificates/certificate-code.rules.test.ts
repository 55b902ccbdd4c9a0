import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  createCertificateCode,
  createUnusedCertificateCode,
  formatCertificateCode,
  parseCertificateCode,
} from './certificate-code.rules.ts';

const VALUES = [7, 19, 3, 23, 9, 29, 22];

describe('certificate codes', () => {
  it('use 31 unambiguous symbols: no I, L, O, U, Z', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    expect(CODE_ALPHABET).not.toMatch(/[ILOUZ]/);
  });

  it('have the shape PREFIX-YEAR-XXXX-XXXX with a check symbol last', () => {
    // By hand: year digits 2,0,2,6 weigh 1–4 (sum 32); symbols 7,19,3,23,9,29,22 weigh 5–11 (sum 967);
    // 999 + 12·c ≡ 0 (mod 31) gives c = 2.
    expect(formatCertificateCode('LM', 2026, VALUES)).toBe('LM-2026-7K3Q-9XP2');
    expect(formatCertificateCode('DLM', 2027, [0, 0, 0, 0, 0, 0, 0])).toMatch(/^DLM-2027-0000-000[0-9A-Y]$/);
  });

  it('read back as they were made, typed in any case, with spaces or without dashes', () => {
    for (const typed of [
      'LM-2026-7K3Q-9XP2',
      'lm-2026-7k3q-9xp2',
      ' LM 2026 7K3Q 9XP2 ',
      'LM20267K3Q9XP2',
      'lm–2026–7k3q–9xp2',
    ]) {
      expect(parseCertificateCode(typed)).toEqual({
        ok: true,
        code: 'LM-2026-7K3Q-9XP2',
        prefix: 'LM',
        year: 2026,
      });
    }
  });

  it('read O as 0, I and L as 1, Z as 2, U as V', () => {
    const code = formatCertificateCode('LM', 2026, [0, 1, 2, 27, 0, 1, 2]);
    expect(code).toMatch(/^LM-2026-012V-012.$/);
    const typed = code.replace('012V-012', 'OIZU-OL2');
    expect(parseCertificateCode(typed)).toMatchObject({ ok: true, code });
  });

  it('catch every single wrong symbol and every swap of two symbols (before any lookup)', () => {
    const code = 'LM-2026-7K3Q-9XP2';
    const symbols = code.replace(/^LM-/, '').replace(/-/g, '').split('');
    let typos = 0;
    for (let i = 0; i < symbols.length; i += 1) {
      for (const other of CODE_ALPHABET) {
        if (other === symbols[i] || (i < 4 && !/\d/.test(other))) continue;
        const wrong = [...symbols];
        wrong[i] = other;
        typos += 1;
        expect(parseCertificateCode(`LM${wrong.join('')}`), wrong.join('')).toEqual({
          ok: false,
          problem: 'checksum',
        });
      }
      for (let j = i + 1; j < symbols.length; j += 1) {
        if (symbols[i] === symbols[j]) continue;
        const swapped = [...symbols];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        if (!/^\d{4}/.test(swapped.join(''))) continue;
        typos += 1;
        expect(parseCertificateCode(`LM${swapped.join('')}`)).toEqual({ ok: false, problem: 'checksum' });
      }
    }
    expect(typos).toBeGreaterThan(300);
  });

  it('answer "format" for what is not shaped like a code', () => {
    for (const typed of [
      '',
      'LM-2026',
      'LM-2026-7K3Q-9XP',
      'LM-2026-7K3Q-9XP22',
      '2026-7K3Q-9XP2',
      'LM-2026-7K3Q-9XP#',
      'LM-26-7K3Q-9XP2',
    ]) {
      expect(parseCertificateCode(typed), typed).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('are drawn from the random source, and a taken code is drawn again', async () => {
    const draws = [...VALUES, ...VALUES.map((v) => (v + 1) % 31)];
    const random = () => draws.shift()!;
    const taken = new Set(['LM-2026-7K3Q-9XP2']);
    const code = await createUnusedCertificateCode('LM', 2026, async (c) => taken.has(c), random);
    expect(code).toBe(
      formatCertificateCode(
        'LM',
        2026,
        VALUES.map((v) => (v + 1) % 31),
      ),
    );
    expect(parseCertificateCode(createCertificateCode('LM', 2026))).toMatchObject({ ok: true });
  });

  it('refuse a bad prefix or year', () => {
    expect(() => formatCertificateCode('lm', 2026, VALUES)).toThrow(RangeError);
    expect(() => formatCertificateCode('LM', 26, VALUES)).toThrow(RangeError);
    expect(() => formatCertificateCode('LM', 2026, [1, 2, 3])).toThrow(RangeError);
  });
});
