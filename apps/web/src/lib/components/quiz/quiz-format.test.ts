import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatNumber, formatTime } from './quiz-format.ts';

describe('quiz formatting', () => {
  it('shows dates in the cohort time zone', () => {
    expect(formatDateTime('2026-03-08T23:00:00Z', 'en', 'Europe/Paris')).toBe('9 March 2026 at 00:00 CET');
    expect(formatDateTime('2026-03-09T00:00:00Z', 'fr', 'UTC')).toBe('9 mars 2026 à 00:00 UTC');
    expect(formatTime('2026-03-09T14:05:09Z', 'en', 'UTC')).toBe('14:05:09 UTC');
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
});
