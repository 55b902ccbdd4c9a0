import { numberFormat } from '../../format.ts';

/**
 * A grade or mark with at most 2 decimals in the user's language; an em dash when there is none.
 * @example formatGrade(81.8181, 'fr') // => '81,82'
 */
export function formatGrade(value: number | null | undefined, locale: 'en' | 'fr'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/**
 * A statistic in per cent with one decimal (item analysis); an em dash when undefined.
 * @example formatPercent(33.333, 'en') // => '33.3'
 */
export function formatPercent(value: number | null | undefined, locale: 'en' | 'fr'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/**
 * A question's text as a short plain-text excerpt: GIFT/markdown emphasis and tags dropped, whitespace collapsed.
 * Svelte escapes it when rendered.
 * @example excerpt('[markdown]The **labour force** is...', 20) // => 'The labour force is…'
 */
export function excerpt(text: string, max = 140): string {
  const plain = text
    .replace(/^\[(markdown|html|plain|moodle)\]/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}
