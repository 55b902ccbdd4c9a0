import { describe, expect, it } from 'vitest';
import { excerpt, formatGrade, formatPercent } from './grade-format.ts';

describe('formatGrade', () => {
  it('rounds to 2 decimals with the decimal mark of the language', () => {
    expect(formatGrade(81.8181, 'en')).toBe('81.82');
    expect(formatGrade(81.8181, 'fr')).toBe('81,82');
    expect(formatGrade(70, 'en')).toBe('70');
  });
  it('shows a dash when there is no grade', () => {
    expect(formatGrade(null, 'en')).toBe('—');
    expect(formatGrade(undefined, 'fr')).toBe('—');
  });
});

describe('formatPercent', () => {
  it('keeps one decimal', () => {
    expect(formatPercent(33.333, 'en')).toBe('33.3');
    expect(formatPercent(100, 'fr')).toBe('100,0');
    expect(formatPercent(-12.25, 'en')).toBe('-12.3');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});

describe('excerpt', () => {
  it('drops the format tag and emphasis and cuts long texts', () => {
    expect(excerpt('[markdown]The **labour force** is...', 20)).toBe('The labour force is…');
    expect(excerpt('Short\n  text')).toBe('Short text');
  });
});
