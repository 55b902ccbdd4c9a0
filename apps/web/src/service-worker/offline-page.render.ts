import { m } from '../lib/paraglide/messages.js';
import { escapeHtml, type SiteLocale } from './offline.rules.ts';

/** A lesson saved on the device, for the list on the offline page. */
export interface SavedPage {
  readonly href: string;
  readonly title: string;
}

/** What the offline page needs. */
export interface OfflinePageInput {
  readonly locale: SiteLocale;
  /** The page that could not be loaded ("try again" links to it). */
  readonly href: string;
  /** Lessons saved on this device, in the page's locale first. */
  readonly saved: readonly SavedPage[];
  /** The app's stylesheets (served from the worker's cache). */
  readonly stylesheets: readonly string[];
}

/**
 * The page the worker answers with when a learning page that was never saved is requested offline: a short
 * explanation in the site's language, "try again", and links to the lessons saved on this device. No scripts.
 */
export function renderOfflinePage(input: OfflinePageInput): string {
  const options = { locale: input.locale };
  const links = input.stylesheets
    .map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join('');
  const saved =
    input.saved.length === 0
      ? ''
      : `<h2>${escapeHtml(m.learn_offline_saved_list({}, options))}</h2><ul>${input.saved
          .map((p) => `<li><a href="${escapeHtml(p.href)}">${escapeHtml(p.title)}</a></li>`)
          .join('')}</ul>`;
  const title = escapeHtml(m.learn_offline_title({}, options));
  return (
    `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${links}</head>` +
    `<body><div class="app"><main id="main" class="wrap"><h1>${title}</h1>` +
    `<p class="notice" role="status">${escapeHtml(m.learn_offline_body({}, options))}</p>` +
    `<p><a href="${escapeHtml(input.href)}">${escapeHtml(m.learn_offline_retry({}, options))}</a></p>` +
    `${saved}</main></div></body></html>`
  );
}
