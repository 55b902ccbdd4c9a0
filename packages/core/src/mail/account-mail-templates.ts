import type { Locale } from '../errors/error-messages.ts';
import type { MailMessage } from './mailer.ts';

/** The email with the link that confirms a new account's address, in the user's language. */
export function confirmEmailMail(input: {
  to: string;
  name: string;
  link: string;
  locale: Locale;
  hours: number;
}): MailMessage {
  const { to, name, link, locale, hours } = input;
  if (locale === 'fr') {
    return {
      to,
      kind: 'email-confirmation',
      locale,
      subject: 'Confirmez votre adresse électronique',
      text: [
        `Bonjour ${name},`,
        '',
        'Votre compte labmig est créé. Ouvrez ce lien pour confirmer votre adresse\u202f; vous pourrez ensuite vous inscrire aux sessions\u202f:',
        '',
        link,
        '',
        `Ce lien est valable ${hours} heures.`,
        'Si vous n’avez pas créé ce compte, ignorez ce message\u202f: sans confirmation, il ne sert à rien.',
      ].join('\n'),
    };
  }
  return {
    to,
    kind: 'email-confirmation',
    locale,
    subject: 'Confirm your email address',
    text: [
      `Hello ${name},`,
      '',
      'Your labmig account is ready. Open this link to confirm your address; you can then enrol in cohorts:',
      '',
      link,
      '',
      `The link is valid for ${hours} hours.`,
      'If you did not create this account, ignore this message: without confirmation it cannot be used to enrol.',
    ].join('\n'),
  };
}

/**
 * The email sent instead of a second account when someone signs up with an address that has one: the sign-up page
 * says the same in both cases, so only the owner of the address learns that the account exists.
 */
export function accountExistsMail(input: {
  to: string;
  name: string;
  signInLink: string;
  resetLink: string;
  locale: Locale;
}): MailMessage {
  const { to, name, signInLink, resetLink, locale } = input;
  if (locale === 'fr') {
    return {
      to,
      kind: 'account-exists',
      locale,
      subject: 'Vous avez déjà un compte labmig',
      text: [
        `Bonjour ${name},`,
        '',
        'Quelqu’un, peut-être vous, a voulu créer un compte avec cette adresse. Vous en avez déjà un\u202f: connectez-vous ici\u202f:',
        '',
        signInLink,
        '',
        'Mot de passe oublié\u202f? Choisissez-en un nouveau ici\u202f:',
        '',
        resetLink,
        '',
        'Si ce n’était pas vous, ignorez ce message\u202f: votre compte n’a pas changé.',
      ].join('\n'),
    };
  }
  return {
    to,
    kind: 'account-exists',
    locale,
    subject: 'You already have a labmig account',
    text: [
      `Hello ${name},`,
      '',
      'Someone, perhaps you, tried to create an account with this address. You already have one: sign in here:',
      '',
      signInLink,
      '',
      'Forgot your password? Choose a new one here:',
      '',
      resetLink,
      '',
      'If this was not you, ignore this message: nothing about your account has changed.',
    ].join('\n'),
  };
}
