/** The UI languages of the campus. */
export type Locale = 'en' | 'fr';

/** The cookie that remembers the last language a visitor used. */
export const LOCALE_COOKIE = 'labmig_locale';

/**
 * Picks the supported language a browser prefers from an Accept-Language header, by quality value.
 * @returns 'en' or 'fr', or undefined when neither is listed.
 * @example preferredLocale('fr-CH, fr;q=0.9, en;q=0.8') // => 'fr'
 */
export function preferredLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return {
        lang: tag.trim().toLowerCase().split('-')[0],
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const match = ranked.find((entry) => entry.lang === 'en' || entry.lang === 'fr');
  return match?.lang as Locale | undefined;
}
