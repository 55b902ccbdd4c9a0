import type { Locale } from '../errors/error-messages.ts';
import type { MailMessage } from './mailer.ts';

/** Where the campus is reached (the part of the config links need). */
interface SiteAddress {
  readonly config: { readonly origin?: string; readonly host: string; readonly port: number };
}

/**
 * An absolute link to a page of the campus in a language (`/fr` prefix for French), from ORIGIN (or the host and
 * port the server listens on).
 * @example siteLink(app, 'fr', '/my') // 'https://campus.example.org/fr/my'
 */
export function siteLink(app: SiteAddress, locale: Locale, path: string): string {
  const base = (app.config.origin ?? `http://${app.config.host}:${app.config.port}`).replace(/\/$/, '');
  return `${base}${locale === 'fr' ? '/fr' : ''}${path}`;
}

/** The text of one mail in one language. */
export interface MailText {
  readonly subject: string;
  readonly lines: readonly string[];
}

/** Builds a plain-text mail in the reader's language from its English and French texts. */
export function localizedMail(
  kind: string,
  to: string,
  locale: Locale,
  texts: Readonly<Record<Locale, MailText>>,
): MailMessage {
  const text = texts[locale];
  return { to, kind, locale, subject: text.subject, text: text.lines.join('\n') };
}
