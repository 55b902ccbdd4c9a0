import type { Locale } from '../chart.types.ts';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

/**
 * A number formatter for the locale with a fixed number of decimals ("1,234.5" in English, "1 234,5" in French).
 * `null` and non-finite values format as an empty string.
 */
export function numberFormatter(locale: Locale, decimals: number): (value: number | null) => string {
  const nf = new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return (value) => (value === null || !Number.isFinite(value) ? '' : nf.format(value));
}

/** The fewest decimals (at most `max`) that show every value exactly as given: [150.3, 164] → 1. */
export function decimalsOf(values: readonly number[], max = 2): number {
  let d = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    let k = 0;
    while (k < max && Math.abs(v * 10 ** k - Math.round(v * 10 ** k)) > 1e-6) k++;
    d = Math.max(d, k);
  }
  return d;
}

/** A formatted value with its unit: "39.8%" in English, "39,8 %" in French, "150.3 millions" for other units. */
export function withUnit(formatted: string, unit: string, locale: Locale): string {
  if (formatted === '') return formatted;
  if (unit === '%') return locale === 'fr' ? `${formatted}\u00a0%` : `${formatted}%`;
  return `${formatted} ${unit}`;
}
