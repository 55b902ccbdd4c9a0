import type { Locale } from '../errors/error-messages.ts';
import type { MailMessage } from './mailer.ts';

/** The password-reset email, in the user's language. */
export function passwordResetMail(input: {
  to: string;
  name: string;
  link: string;
  locale: Locale;
  minutes: number;
}): MailMessage {
  const { to, name, link, locale, minutes } = input;
  if (locale === 'fr') {
    return {
      to,
      kind: 'password-reset',
      locale,
      subject: 'Réinitialiser votre mot de passe labmig',
      text: [
        `Bonjour ${name},`,
        '',
        'Vous avez demandé à réinitialiser votre mot de passe. Ouvrez ce lien pour en choisir un nouveau\u202f:',
        '',
        link,
        '',
        `Ce lien est valable ${minutes} minutes et ne peut servir qu’une fois.`,
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message\u202f: votre mot de passe reste inchangé.',
      ].join('\n'),
    };
  }
  return {
    to,
    kind: 'password-reset',
    locale,
    subject: 'Reset your labmig password',
    text: [
      `Hello ${name},`,
      '',
      'You asked to reset your password. Open this link to choose a new one:',
      '',
      link,
      '',
      `The link is valid for ${minutes} minutes and works once.`,
      'If you did not ask for this, ignore this message: your password stays the same.',
    ].join('\n'),
  };
}

/** The email telling a learner they got a place from the waiting list. */
export function waitlistPromotedMail(input: {
  to: string;
  name: string;
  cohortTitle: string;
  link: string;
  locale: Locale;
}): MailMessage {
  const { to, name, cohortTitle, link, locale } = input;
  if (locale === 'fr') {
    return {
      to,
      kind: 'waitlist-promoted',
      locale,
      subject: `Une place s’est libérée\u202f: ${cohortTitle}`,
      text: [
        `Bonjour ${name},`,
        '',
        `Une place s’est libérée et vous êtes maintenant inscrit·e à «\u202f${cohortTitle}\u202f».`,
        '',
        link,
      ].join('\n'),
    };
  }
  return {
    to,
    kind: 'waitlist-promoted',
    locale,
    subject: `A place is yours: ${cohortTitle}`,
    text: [
      `Hello ${name},`,
      '',
      `A place became free and you are now enrolled in "${cohortTitle}".`,
      '',
      link,
    ].join('\n'),
  };
}
