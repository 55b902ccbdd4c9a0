import type { Locale } from '../errors/error-messages.ts';
import type { MailMessage } from './mailer.ts';
import { localizedMail } from './outgoing.ts';

// Mails about a person's account sent when the course team or the person changes it. Links to set a password are
// single-use and expire; no mail ever carries a password.

/** Who an account mail goes to. */
export interface AccountMailInput {
  readonly to: string;
  readonly name: string;
  readonly locale: Locale;
}

/** "An account was made for you": the link to choose a password (and the cohort, when they were enrolled too). */
export function accountInvitationMail(
  i: AccountMailInput & { readonly link: string; readonly hours: number; readonly cohortTitle?: string },
): MailMessage {
  const cohortEn = i.cohortTitle ? ` and enrolled you in "${i.cohortTitle}"` : '';
  const cohortFr = i.cohortTitle ? ` et vous a inscrit·e à « ${i.cohortTitle} »` : '';
  return localizedMail('account-invitation', i.to, i.locale, {
    en: {
      subject: 'Your labmig account: choose a password',
      lines: [
        `Hello ${i.name},`,
        '',
        `The course team created a labmig account for you${cohortEn}. Open this link to choose your password and sign in:`,
        '',
        i.link,
        '',
        `The link works once and is valid for ${i.hours} hours. After that, use "Forgot your password?" on the sign-in page.`,
      ],
    },
    fr: {
      subject: 'Votre compte labmig\u202f: choisissez un mot de passe',
      lines: [
        `Bonjour ${i.name},`,
        '',
        `L’équipe du cours vous a créé un compte labmig${cohortFr}. Ouvrez ce lien pour choisir votre mot de passe et vous connecter\u202f:`,
        '',
        i.link,
        '',
        `Le lien ne sert qu’une fois et reste valable ${i.hours} heures. Ensuite, utilisez «\u202fMot de passe oublié\u202f?\u202f» sur la page de connexion.`,
      ],
    },
  });
}

/** A link to choose a new password, sent at the request of a site admin. */
export function passwordLinkMail(
  i: AccountMailInput & { readonly link: string; readonly hours: number },
): MailMessage {
  return localizedMail('password-link', i.to, i.locale, {
    en: {
      subject: 'Choose a new labmig password',
      lines: [
        `Hello ${i.name},`,
        '',
        'A site administrator sent you this link to choose a new password:',
        '',
        i.link,
        '',
        `The link works once and is valid for ${i.hours} hours. Your current password keeps working until you choose a new one.`,
      ],
    },
    fr: {
      subject: 'Choisissez un nouveau mot de passe labmig',
      lines: [
        `Bonjour ${i.name},`,
        '',
        'Un administrateur du site vous envoie ce lien pour choisir un nouveau mot de passe\u202f:',
        '',
        i.link,
        '',
        `Le lien ne sert qu’une fois et reste valable ${i.hours} heures. Votre mot de passe actuel reste valable tant que vous n’en choisissez pas un autre.`,
      ],
    },
  });
}

/** "Your account was deactivated": whom to write to. */
export function accountDeactivatedMail(i: AccountMailInput & { readonly contact: string }): MailMessage {
  return localizedMail('account-deactivated', i.to, i.locale, {
    en: {
      subject: 'Your labmig account was deactivated',
      lines: [
        `Hello ${i.name},`,
        '',
        'A site administrator deactivated your labmig account: you can no longer sign in.',
        `If you need it again, write to ${i.contact}.`,
      ],
    },
    fr: {
      subject: 'Votre compte labmig a été désactivé',
      lines: [
        `Bonjour ${i.name},`,
        '',
        'Un administrateur du site a désactivé votre compte labmig\u202f: vous ne pouvez plus vous connecter.',
        `Si vous en avez de nouveau besoin, écrivez à ${i.contact}.`,
      ],
    },
  });
}

/** "Your account works again." */
export function accountReactivatedMail(i: AccountMailInput & { readonly link: string }): MailMessage {
  return localizedMail('account-reactivated', i.to, i.locale, {
    en: {
      subject: 'Your labmig account is active again',
      lines: [
        `Hello ${i.name},`,
        '',
        'A site administrator reactivated your account. You can sign in again:',
        i.link,
      ],
    },
    fr: {
      subject: 'Votre compte labmig est de nouveau actif',
      lines: [
        `Bonjour ${i.name},`,
        '',
        'Un administrateur du site a réactivé votre compte. Vous pouvez de nouveau vous connecter\u202f:',
        i.link,
      ],
    },
  });
}

/** "You are (no longer) a site administrator." */
export function siteAdminChangedMail(i: AccountMailInput & { readonly granted: boolean }): MailMessage {
  return localizedMail(i.granted ? 'admin-granted' : 'admin-removed', i.to, i.locale, {
    en: {
      subject: i.granted
        ? 'You are now a labmig site administrator'
        : 'You are no longer a labmig site administrator',
      lines: [
        `Hello ${i.name},`,
        '',
        i.granted
          ? 'Another site administrator gave you the site-administrator role: you can now manage every cohort, account and the mail outbox.'
          : 'Another site administrator removed your site-administrator role. Your account and your courses stay as they are.',
        'If you did not expect this, reply to the course team.',
      ],
    },
    fr: {
      subject: i.granted
        ? 'Vous êtes désormais administrateur du site labmig'
        : 'Vous n’êtes plus administrateur du site labmig',
      lines: [
        `Bonjour ${i.name},`,
        '',
        i.granted
          ? 'Un autre administrateur vous a donné le rôle d’administrateur du site\u202f: vous pouvez désormais gérer toutes les sessions, tous les comptes et la boîte d’envoi.'
          : 'Un autre administrateur vous a retiré le rôle d’administrateur du site. Votre compte et vos cours restent tels quels.',
        'Si vous ne vous y attendiez pas, écrivez à l’équipe du cours.',
      ],
    },
  });
}

/** "Your password was changed" (a notice; nothing to do unless it was not you). */
export function passwordChangedMail(i: AccountMailInput & { readonly resetLink: string }): MailMessage {
  return localizedMail('password-changed', i.to, i.locale, {
    en: {
      subject: 'Your labmig password was changed',
      lines: [
        `Hello ${i.name},`,
        '',
        'Your password was just changed, and every other session of your account was signed out.',
        'If this was not you, choose a new password at once:',
        i.resetLink,
      ],
    },
    fr: {
      subject: 'Votre mot de passe labmig a été modifié',
      lines: [
        `Bonjour ${i.name},`,
        '',
        'Votre mot de passe vient d’être modifié, et toutes les autres sessions de votre compte ont été fermées.',
        'Si ce n’était pas vous, choisissez tout de suite un nouveau mot de passe\u202f:',
        i.resetLink,
      ],
    },
  });
}

/** Sent to the NEW address: the link that confirms it. */
export function emailChangeConfirmMail(
  i: AccountMailInput & { readonly link: string; readonly hours: number },
): MailMessage {
  return localizedMail('email-change-confirm', i.to, i.locale, {
    en: {
      subject: 'Confirm your new labmig email address',
      lines: [
        `Hello ${i.name},`,
        '',
        'You asked to use this address for your labmig account. Open this link to confirm it; until then your old address stays in use:',
        '',
        i.link,
        '',
        `The link works once and is valid for ${i.hours} hours. If you did not ask for this, ignore this message.`,
      ],
    },
    fr: {
      subject: 'Confirmez votre nouvelle adresse labmig',
      lines: [
        `Bonjour ${i.name},`,
        '',
        'Vous avez demandé à utiliser cette adresse pour votre compte labmig. Ouvrez ce lien pour la confirmer\u202f; d’ici là, votre ancienne adresse reste en usage\u202f:',
        '',
        i.link,
        '',
        `Le lien ne sert qu’une fois et reste valable ${i.hours} heures. Si vous n’avez rien demandé, ignorez ce message.`,
      ],
    },
  });
}

/** Sent to the OLD address: someone asked to move the account to another address. */
export function emailChangeNoticeMail(i: AccountMailInput & { readonly newEmail: string }): MailMessage {
  return localizedMail('email-change-notice', i.to, i.locale, {
    en: {
      subject: 'A new email address was requested for your labmig account',
      lines: [
        `Hello ${i.name},`,
        '',
        `Someone signed in to your account asked to change its address to ${i.newEmail}. The change happens only when the link sent to that address is opened.`,
        'If this was not you, change your password now and tell the course team.',
      ],
    },
    fr: {
      subject: 'Une nouvelle adresse a été demandée pour votre compte labmig',
      lines: [
        `Bonjour ${i.name},`,
        '',
        `Une personne connectée à votre compte a demandé à remplacer son adresse par ${i.newEmail}. Le changement n’a lieu que si le lien envoyé à cette adresse est ouvert.`,
        'Si ce n’était pas vous, changez votre mot de passe maintenant et prévenez l’équipe du cours.',
      ],
    },
  });
}

/** "Welcome": sent after sign-up, with where to find courses and how to change the account. */
export function welcomeMail(
  i: AccountMailInput & { readonly coursesLink: string; readonly profileLink: string },
): MailMessage {
  return localizedMail('welcome', i.to, i.locale, {
    en: {
      subject: 'Welcome to the labmig campus',
      lines: [
        `Hello ${i.name},`,
        '',
        'Your account on the labmig campus is ready. Choose a course and a cohort here:',
        i.coursesLink,
        '',
        'Your profile, password, email address and course reminders are on your profile page:',
        i.profileLink,
        '',
        'If you did not create this account, reply to this message.',
      ],
    },
    fr: {
      subject: 'Bienvenue sur le campus labmig',
      lines: [
        `Bonjour ${i.name},`,
        '',
        'Votre compte sur le campus labmig est prêt. Choisissez un cours et une session ici\u202f:',
        i.coursesLink,
        '',
        'Votre profil, votre mot de passe, votre adresse électronique et les rappels de cours sont sur votre page de profil\u202f:',
        i.profileLink,
        '',
        'Si vous n’avez pas créé ce compte, répondez à ce message.',
      ],
    },
  });
}
