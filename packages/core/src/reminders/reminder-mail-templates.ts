import type { Locale } from '../errors/error-messages.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { localizedMail } from '../mail/outgoing.ts';

/** Who a reminder goes to, where it points, and how to stop reminders in one click. */
export interface ReminderMailInput {
  readonly to: string;
  readonly name: string;
  readonly locale: Locale;
  readonly cohortTitle: string;
  readonly link: string;
  readonly unsubscribeLink: string;
}

const footer = (i: ReminderMailInput) => ({
  en: [
    '',
    '—',
    'You get this reminder because you take this course. Stop course reminders in one click:',
    i.unsubscribeLink,
  ],
  fr: [
    '',
    '—',
    'Vous recevez ce rappel parce que vous suivez ce cours. Arrêter les rappels du cours en un clic\u202f:',
    i.unsubscribeLink,
  ],
});

/** "Week N is open": its title and where to start. */
export function weekOpeningMail(
  i: ReminderMailInput & { readonly week: number; readonly title: string },
): MailMessage {
  return localizedMail('reminder-week-opening', i.to, i.locale, {
    en: {
      subject: `Week ${i.week} is open: ${i.title}`,
      lines: [
        `Hello ${i.name},`,
        '',
        `Week ${i.week} of "${i.cohortTitle}" is open: ${i.title}. Its lessons and its assessment are waiting for you:`,
        '',
        i.link,
        ...footer(i).en,
      ],
    },
    fr: {
      subject: `La semaine ${i.week} est ouverte\u202f: ${i.title}`,
      lines: [
        `Bonjour ${i.name},`,
        '',
        `La semaine ${i.week} de «\u202f${i.cohortTitle}\u202f» est ouverte\u202f: ${i.title}. Ses leçons et son évaluation vous attendent\u202f:`,
        '',
        i.link,
        ...footer(i).fr,
      ],
    },
  });
}

/** "The assessment closes soon and you have not handed it in." */
export function assessmentClosingMail(
  i: ReminderMailInput & { readonly title: string; readonly closes: string },
): MailMessage {
  return localizedMail('reminder-assessment-closing', i.to, i.locale, {
    en: {
      subject: `Closes within 24 hours: ${i.title}`,
      lines: [
        `Hello ${i.name},`,
        '',
        `"${i.title}" (${i.cohortTitle}) closes on ${i.closes}, and you have not handed it in yet.`,
        '',
        i.link,
        ...footer(i).en,
      ],
    },
    fr: {
      subject: `Clôture dans moins de 24 heures\u202f: ${i.title}`,
      lines: [
        `Bonjour ${i.name},`,
        '',
        `«\u202f${i.title}\u202f» (${i.cohortTitle}) ferme le ${i.closes}, et vous ne l’avez pas encore rendue.`,
        '',
        i.link,
        ...footer(i).fr,
      ],
    },
  });
}
