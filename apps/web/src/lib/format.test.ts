import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, paragraphs } from './format.ts';

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
