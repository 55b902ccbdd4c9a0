import type { EnrolmentRole } from '@labmig/db';
import type { Locale } from '../errors/error-messages.ts';
import type { MailMessage } from './mailer.ts';
import { localizedMail } from './outgoing.ts';

// The mails about a person's place in a cohort, in the person's language. Each says what happened, what it means
// and where to go next; none carries a password.

/** Who a mail goes to and where it points. */
export interface EnrolmentMailInput {
  readonly to: string;
  readonly name: string;
  readonly locale: Locale;
  readonly cohortTitle: string;
  /** The page to go to next (My courses). */
  readonly link: string;
}

const ROLE: Readonly<Record<Locale, Readonly<Record<EnrolmentRole, string>>>> = {
  en: { learner: 'learner', tutor: 'tutor', manager: 'manager' },
  fr: { learner: 'participant·e', tutor: 'tuteur·rice', manager: 'responsable' },
};

/** "Your application was received": the cohort's course team reviews applications. */
export function applicationReceivedMail(i: EnrolmentMailInput): MailMessage {
  return localizedMail('enrolment-pending', i.to, i.locale, {
    en: {
      subject: `Application received: ${i.cohortTitle}`,
      lines: [
        `Hello ${i.name},`,
        '',
        `Thank you for applying to "${i.cohortTitle}". The course team reviews each application and will write to you when they have decided.`,
        '',
        'You can follow your application in My courses:',
        i.link,
      ],
    },
    fr: {
      subject: `Candidature reçue\u202f: ${i.cohortTitle}`,
      lines: [
        `Bonjour ${i.name},`,
        '',
        `Merci de votre candidature à «\u202f${i.cohortTitle}\u202f». L’équipe du cours examine chaque candidature et vous écrira dès sa décision prise.`,
        '',
        'Vous pouvez suivre votre candidature dans Mes cours\u202f:',
        i.link,
      ],
    },
  });
}

/** "You are enrolled" (after signing up for an open cohort, being added, or being approved). */
export function enrolmentConfirmedMail(
  i: EnrolmentMailInput & { readonly role: EnrolmentRole },
): MailMessage {
  return localizedMail('enrolment-confirmed', i.to, i.locale, {
    en: {
      subject: `You are enrolled: ${i.cohortTitle}`,
      lines: [
        `Hello ${i.name},`,
        '',
        `You are enrolled in "${i.cohortTitle}" as ${ROLE.en[i.role]}. The course and its calendar are in My courses:`,
        '',
        i.link,
      ],
    },
    fr: {
      subject: `Vous êtes inscrit·e\u202f: ${i.cohortTitle}`,
      lines: [
        `Bonjour ${i.name},`,
        '',
        `Vous êtes inscrit·e à «\u202f${i.cohortTitle}\u202f» en tant que ${ROLE.fr[i.role]}. Le cours et son calendrier sont dans Mes cours\u202f:`,
        '',
        i.link,
      ],
    },
  });
}

/** "The cohort is full: you are on its waiting list." */
export function waitlistedMail(i: EnrolmentMailInput): MailMessage {
  return localizedMail('enrolment-waitlisted', i.to, i.locale, {
    en: {
      subject: `You are on the waiting list: ${i.cohortTitle}`,
      lines: [
        `Hello ${i.name},`,
        '',
        `"${i.cohortTitle}" is full, so you are on its waiting list. When a place becomes free it goes to the person who has waited longest, and we will write to you at once.`,
        '',
        i.link,
      ],
    },
    fr: {
      subject: `Vous êtes sur la liste d’attente\u202f: ${i.cohortTitle}`,
      lines: [
        `Bonjour ${i.name},`,
        '',
        `«\u202f${i.cohortTitle}\u202f» est complet\u202f: vous êtes sur sa liste d’attente. Quand une place se libère, elle revient à la personne qui attend depuis le plus longtemps, et nous vous écrirons aussitôt.`,
        '',
        i.link,
      ],
    },
  });
}

/** "Your application was not accepted", with the course team's reason when they gave one. */
export function applicationDeclinedMail(i: EnrolmentMailInput & { readonly reason: string }): MailMessage {
  const reason = (label: string) => (i.reason ? ['', `${label} ${i.reason}`] : []);
  return localizedMail('enrolment-declined', i.to, i.locale, {
    en: {
      subject: `Your application: ${i.cohortTitle}`,
      lines: [
        `Hello ${i.name},`,
        '',
        `Thank you for your interest in "${i.cohortTitle}". The course team could not accept your application this time.`,
        ...reason('Their note:'),
        '',
        'Other editions of the course are listed on the course page:',
        i.link,
      ],
    },
    fr: {
      subject: `Votre candidature\u202f: ${i.cohortTitle}`,
      lines: [
        `Bonjour ${i.name},`,
        '',
        `Merci de votre intérêt pour «\u202f${i.cohortTitle}\u202f». L’équipe du cours n’a pas pu retenir votre candidature cette fois.`,
        ...reason('Sa remarque\u202f:'),
        '',
        'Les autres sessions du cours sont sur la page du cours\u202f:',
        i.link,
      ],
    },
  });
}

/** "Your role changed" (learner, tutor or manager). */
export function roleChangedMail(i: EnrolmentMailInput & { readonly role: EnrolmentRole }): MailMessage {
  return localizedMail('enrolment-role-changed', i.to, i.locale, {
    en: {
      subject: `Your role in ${i.cohortTitle}: ${ROLE.en[i.role]}`,
      lines: [
        `Hello ${i.name},`,
        '',
        `The course team made you ${ROLE.en[i.role]} of "${i.cohortTitle}". What you can do there follows from it; see My courses:`,
        '',
        i.link,
      ],
    },
    fr: {
      subject: `Votre rôle dans ${i.cohortTitle}\u202f: ${ROLE.fr[i.role]}`,
      lines: [
        `Bonjour ${i.name},`,
        '',
        `L’équipe du cours vous a donné le rôle de ${ROLE.fr[i.role]} dans «\u202f${i.cohortTitle}\u202f». Ce que vous pouvez y faire en découle\u202f; voir Mes cours\u202f:`,
        '',
        i.link,
      ],
    },
  });
}

/** "You were withdrawn from the cohort", with the reason the course team gave. */
export function withdrawnMail(i: EnrolmentMailInput & { readonly reason: string }): MailMessage {
  return localizedMail('enrolment-withdrawn', i.to, i.locale, {
    en: {
      subject: `You were withdrawn from ${i.cohortTitle}`,
      lines: [
        `Hello ${i.name},`,
        '',
        `The course team withdrew you from "${i.cohortTitle}".`,
        '',
        `Reason: ${i.reason}`,
        '',
        'If you think this is a mistake, reply to the course team. Your account stays open:',
        i.link,
      ],
    },
    fr: {
      subject: `Vous avez été retiré·e de ${i.cohortTitle}`,
      lines: [
        `Bonjour ${i.name},`,
        '',
        `L’équipe du cours vous a retiré·e de «\u202f${i.cohortTitle}\u202f».`,
        '',
        `Motif\u202f: ${i.reason}`,
        '',
        'Si vous pensez qu’il s’agit d’une erreur, écrivez à l’équipe du cours. Votre compte reste ouvert\u202f:',
        i.link,
      ],
    },
  });
}
