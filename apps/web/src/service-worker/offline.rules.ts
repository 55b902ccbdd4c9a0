// Pure rules of the service worker (no Cache API, no fetch): which pages it handles, and the HTML it serves offline.
// Kept apart from the worker's entry so that Vitest can test them in Node.

/** Locale of a path: the French site lives under `/fr`. */
export type SiteLocale = 'en' | 'fr';

/** How the worker treats a same-origin GET navigation. */
export type PageKind =
  /** A lesson or a slide deck: network first, saved for offline reading. */
  | 'lesson'
  /** Another learning page: network only, with an offline message instead of the browser's error. */
  | 'learn'
  /** Anything else (private pages, downloads, the rest of the campus): not touched by the worker. */
  | null;

const LEARN = /^(?:\/fr)?\/cohorts\/[^/]+\/learn(?:\/(.*))?$/;
const OFFLINE_PACK = /^week-\d+\/offline\/?$/;

/**
 * Classifies a path for the worker. Lessons are `/cohorts/:id/learn/:module/:lesson` (a slide deck is the lesson
 * `slides`); the week offline packs (downloads) and the progress CSV are left alone.
 * @example pageKindOf('/fr/cohorts/c1/learn/01-a/02-b') // => 'lesson'
 * @example pageKindOf('/cohorts/c1/learn/calendar') // => 'learn'
 * @example pageKindOf('/cohorts/c1/roster') // => null
 */
export function pageKindOf(pathname: string): PageKind {
  const match = LEARN.exec(pathname);
  if (!match) return null;
  const rest = (match[1] ?? '').replace(/\/$/, '');
  if (OFFLINE_PACK.test(rest) || rest.endsWith('.csv')) return null;
  return /^[^/]+\/[^/]+$/.test(rest) ? 'lesson' : 'learn';
}

/**
 * The site locale of a path.
 * @example localeOfPath('/fr/cohorts/c1/learn') // => 'fr'
 */
export function localeOfPath(pathname: string): SiteLocale {
  return pathname === '/fr' || pathname.startsWith('/fr/') ? 'fr' : 'en';
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A saved time as the learner reads it ("25 November 2026, 07:12" / "25 novembre 2026 à 07:12"), in the
 * device's time zone unless `timeZone` is given (tests).
 */
export function formatSavedAt(savedAt: Date, locale: SiteLocale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(savedAt);
}

/** The hidden notice every lesson page carries; the worker reveals it on a saved copy. `{date}` is filled in. */
const NOTICE = /<p class="notice offline-notice" hidden(?:="")?>([^<]*)<\/p>/;

/**
 * Reveals the lesson page's hidden "you are offline — this is the copy saved on {date}" notice in a saved copy,
 * with the date filled in. Pages without the notice are returned unchanged.
 * @example showOfflineNotice('<p class="notice offline-notice" hidden>Saved on {date}.</p>', '1 May') // => '<p class="notice offline-notice" role="status">Saved on 1 May.</p>'
 */
export function showOfflineNotice(html: string, savedOn: string): string {
  return html.replace(
    NOTICE,
    (_all, text: string) =>
      `<p class="notice offline-notice" role="status">${text.replace('{date}', escapeHtml(savedOn))}</p>`,
  );
}

/**
 * The page title of a saved page, for the list of saved lessons (the text of `<title>`, without the site name).
 * @example titleOf('<title>Why labour statistics · labmig</title>') // => 'Why labour statistics'
 */
export function titleOf(html: string): string {
  const raw = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  return raw
    .replace(/\s+·[^·]*$/, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}
