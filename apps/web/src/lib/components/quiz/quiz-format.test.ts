import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatLastMinute,
  formatNumber,
  formatRightAnswer,
  formatTime,
} from './quiz-format.ts';

describe('quiz formatting', () => {
  it('shows dates in the cohort time zone', () => {
    expect(formatDateTime('2026-03-08T23:00:00Z', 'en', 'Europe/Paris')).toBe('9 March 2026 at 00:00 CET');
    expect(formatDateTime('2026-03-09T00:00:00Z', 'fr', 'UTC')).toBe('9 mars 2026 à 00:00 UTC');
    expect(formatTime('2026-03-09T14:05:09Z', 'en', 'UTC')).toBe('14:05:09 UTC');
  });

  it('shows a close at local midnight as the last minute of the day before, as the course home does', () => {
    expect(formatLastMinute('2026-03-08T23:00:00Z', 'en', 'Europe/Paris')).toBe('8 March 2026 at 23:59 CET');
    expect(formatLastMinute('2026-12-08T00:00:00Z', 'fr', 'UTC')).toBe('7 décembre 2026 à 23:59 UTC');
  });

  it('formats grades and the countdown', () => {
    expect(formatNumber(66.6667, 'en')).toBe('66.67');
    expect(formatNumber(66.6667, 'fr')).toBe('66,67');
    expect(formatNumber(60, 'fr')).toBe('60');
    expect(formatClock(75)).toBe('1:15');
    expect(formatClock(5)).toBe('0:05');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-3)).toBe('0:00');
  });

  it('words a right answer in the page language', () => {
    const fr = { yes: 'Vrai', no: 'Faux', range: (a: string, b: string) => `de ${a} à ${b}` };
    const en = { yes: 'True', no: 'False', range: (a: string, b: string) => `from ${a} to ${b}` };
    expect(formatRightAnswer({ kind: 'number', value: 3.14, tolerance: 0.005 }, 'fr', fr)).toBe(
      '3,14 ± 0,005',
    );
    expect(formatRightAnswer({ kind: 'number', value: 1822, tolerance: 0 }, 'en', en)).toBe('1,822');
    // A computed answer is rounded to what the tolerance asks, not shown with ten decimals.
    expect(formatRightAnswer({ kind: 'number', value: 8.191808192, tolerance: 0.1 }, 'en', en)).toBe(
      '8.2 ± 0.1',
    );
    expect(formatRightAnswer({ kind: 'number', value: 5.383936452, tolerance: 0.05 }, 'fr', fr)).toBe(
      '5,38 ± 0,05',
    );
    expect(formatRightAnswer({ kind: 'number', value: 1234.6, tolerance: 2 }, 'en', en)).toBe('1,235 ± 2');
    expect(formatRightAnswer({ kind: 'range', min: 1.5, max: 2 }, 'fr', fr)).toBe('de 1,5 à 2');
    expect(formatRightAnswer({ kind: 'range', min: 1.5, max: 2 }, 'en', en)).toBe('from 1.5 to 2');
    expect(formatRightAnswer({ kind: 'boolean', value: false }, 'fr', fr)).toBe('Faux');
    expect(formatRightAnswer({ kind: 'choices', texts: ['a', 'b'] }, 'fr', fr)).toBe('a; b');
    expect(
      formatRightAnswer({ kind: 'pairs', pairs: [{ prompt: 'Canada', answer: 'Ottawa' }] }, 'en', en),
    ).toBe('Canada → Ottawa');
  });
});
