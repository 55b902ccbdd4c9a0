import type { MessageTable } from './message-table.ts';

/** Error messages of accounts: sign-in, sign-up, password reset. */
export const ACCOUNTS_MESSAGES = {
  'auth.email_taken': {
    en: 'An account with this email address already exists.',
    fr: 'Un compte existe déjà avec cette adresse e-mail.',
  },
  'auth.invalid_credentials': {
    en: 'The email address or password is not correct.',
    fr: "L'adresse e-mail ou le mot de passe est incorrect.",
  },
  'auth.rate_limited': {
    en: 'Too many failed sign-in attempts. Please wait a few minutes and try again.',
    fr: 'Trop de tentatives de connexion échouées. Veuillez patienter quelques minutes avant de réessayer.',
  },
  'reset.expired': {
    en: 'This password reset link has expired. Please ask for a new one.',
    fr: 'Ce lien de réinitialisation a expiré. Veuillez en demander un nouveau.',
  },
  'reset.invalid': {
    en: 'This password reset link is not valid or has already been used.',
    fr: "Ce lien de réinitialisation n'est pas valide ou a déjà été utilisé.",
  },
  'user.not_found': { en: 'This user does not exist.', fr: "Cet utilisateur n'existe pas." },
} as const satisfies MessageTable;
