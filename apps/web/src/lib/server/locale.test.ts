import { describe, expect, it } from 'vitest';
import { preferredLocale } from './locale.ts';

describe('preferredLocale', () => {
  it('returns French for a French browser', () => {
    expect(preferredLocale('fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('fr');
  });
  it('returns English when English ranks higher', () => {
    expect(preferredLocale('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
  });
  it('orders by quality value, not by position', () => {
    expect(preferredLocale('en;q=0.5, fr;q=0.9')).toBe('fr');
  });
  it('skips unsupported languages and q=0', () => {
    expect(preferredLocale('de-DE, fr;q=0, en;q=0.3')).toBe('en');
  });
  it('returns undefined when no supported language is listed', () => {
    expect(preferredLocale('de, es')).toBeUndefined();
    expect(preferredLocale(null)).toBeUndefined();
  });
});
