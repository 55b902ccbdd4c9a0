import { ConflictError } from '../errors/domain-errors.ts';
import type { Locale } from '../errors/error-messages.ts';

/**
 * Work refused because the assignment has closed: the message says when it closed, in the reader's language and in
 * the cohort's time zone ("closed on Sunday, 8 November 2020 at 23:59 (Europe/Rome)").
 */
export class AssignmentClosedError extends ConflictError {
  constructor(
    readonly closedAt: Date,
    readonly timeZone: string,
  ) {
    super('assignment.closed');
    this.message = this.localize('en');
  }

  override localize(locale: Locale | string): string {
    return super
      .localize(locale)
      .replace('{date}', formatClosing(this.closedAt, this.timeZone, locale === 'fr' ? 'fr' : 'en'));
  }
}

/**
 * A deadline as a sentence fragment, in a time zone: the date, the time, and the zone's name.
 * @example formatClosing(new Date('2020-11-08T22:59:00Z'), 'Europe/Rome', 'en') // 'Sunday, 8 November 2020 at 23:59 (Europe/Rome)'
 */
export function formatClosing(at: Date, timeZone: string, locale: Locale): string {
  const date = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  return locale === 'fr' ? `${date} à ${time} (${timeZone})` : `${date} at ${time} (${timeZone})`;
}
