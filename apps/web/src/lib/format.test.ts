import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatDate, formatDateRange, numberFormat, paragraphs } from './format.ts';

// ICU puts thin or narrow no-break spaces around the dash; compare with plain spaces.
const plain = (text: string): string => text.replace(/\s/g, ' ');

describe('formatDateRange', () => {
  it('formats the 2020 edition in English and French', () => {
    expect(plain(formatDateRange('2020-10-26', '2020-12-04', 'en'))).toBe('26 October – 4 December 2020');
    expect(plain(formatDateRange('2020-10-26', '2020-12-04', 'fr'))).toBe('26 octobre – 4 décembre 2020');
  });
});

describe('formatDate', () => {
  it('keeps the calendar date of an ISO date', () => {
    expect(formatDate('2020-12-04', 'en')).toBe('4 December 2020');
    expect(formatDate('2020-10-26', 'fr')).toBe('26 octobre 2020');
  });
});

describe('paragraphs', () => {
  it('splits on blank lines and joins wrapped lines', () => {
    expect(paragraphs('One\ntwo.\n\n  Three.\n')).toEqual(['One two.', 'Three.']);
  });
});

describe('numberFormat and dateTimeFormat', () => {
  it('build one formatter per language and options, and format in that language', () => {
    const fr = numberFormat('fr', { maximumFractionDigits: 2 });
    expect(numberFormat('fr', { maximumFractionDigits: 2 })).toBe(fr);
    expect(numberFormat('en', { maximumFractionDigits: 2 })).not.toBe(fr);
    expect(fr.format(81.8181)).toBe('81,82');
    expect(numberFormat('en', { maximumFractionDigits: 1 }).format(81.8181)).toBe('81.8');
    const date = dateTimeFormat('fr', { month: 'long', timeZone: 'UTC' });
    expect(dateTimeFormat('fr', { month: 'long', timeZone: 'UTC' })).toBe(date);
    expect(date.format(new Date('2026-11-25T00:00:00Z'))).toBe('novembre');
  });
});
