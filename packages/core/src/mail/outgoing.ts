import type { Locale } from '../errors/error-messages.ts';
import type { MailMessage, Mailer } from './mailer.ts';

/** What sending needs of the app (structural, so mail/ does not import app/). */
interface Sender {
  readonly mailer: Mailer;
  readonly logger: { error(message: string, fields?: Record<string, unknown>): void };
}

/** Where the campus is reached (the part of the config links need). */
interface SiteAddress {
  readonly config: { readonly origin?: string; readonly host: string; readonly port: number };
}

/**
 * Mail a command writes while its transaction runs, sent once the transaction has committed (`deliver`), so nobody
 * is told about a change that rolled back. A mail that fails to send is logged and never undoes the change.
 */
export class OutgoingMail {
  readonly #messages: MailMessage[] = [];

  /** Adds a message to send after the commit. */
  add(message: MailMessage): void {
    this.#messages.push(message);
  }

  /** The messages added so far. */
  get messages(): readonly MailMessage[] {
    return this.#messages;
  }

  /** Sends every message through the app's mailer (SMTP, or the outbox table), logging failures. */
  async deliver(app: Sender): Promise<void> {
    for (const message of this.#messages.splice(0)) {
      try {
        await app.mailer.send(message);
      } catch (error) {
        app.logger.error('mail failed', { kind: message.kind, error: (error as Error).message });
      }
    }
  }
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
