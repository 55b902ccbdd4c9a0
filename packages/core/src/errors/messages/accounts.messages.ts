import type { MessageTable } from './message-table.ts';

/** Error messages of accounts: sign-in, sign-up, password reset. */
export const ACCOUNTS_MESSAGES = {
  'auth.email_taken': {
    en: 'An account with this email address already exists.',
    fr: 'Un compte existe déjà avec cette adresse e-mail.',
  },
  'auth.invalid_credentials': {
    en: 'The email address or password is not correct.',
    fr: 'L’adresse e-mail ou le mot de passe est incorrect.',
  },
  'auth.rate_limited': {
    en: 'Too many failed sign-in attempts. Please wait up to 15 minutes and try again, or reset your password: this browser can then sign in at once.',
    fr: 'Trop de tentatives de connexion échouées. Veuillez patienter jusqu’à 15 minutes avant de réessayer, ou réinitialisez votre mot de passe : ce navigateur pourra alors se connecter tout de suite.',
  },
  'auth.signup_rate_limited': {
    en: 'Too many accounts were created from your network in the last hour. Please try again in an hour, or ask your course manager to create your account.',
    fr: 'Trop de comptes ont été créés depuis votre réseau au cours de la dernière heure. Veuillez réessayer dans une heure, ou demandez au responsable de votre session de créer votre compte.',
  },
  'confirm.invalid': {
    en: 'This confirmation link is not valid. Send yourself a new one.',
    fr: 'Ce lien de confirmation n’est pas valide. Envoyez-vous-en un nouveau.',
  },
  'confirm.expired': {
    en: 'This confirmation link has expired. Send yourself a new one.',
    fr: 'Ce lien de confirmation a expiré. Envoyez-vous-en un nouveau.',
  },
  'confirm.rate_limited': {
    en: 'We have already sent you 3 links in the last hour. Check your spam folder, or try again in an hour.',
    fr: 'Nous vous avons déjà envoyé 3 liens au cours de la dernière heure. Vérifiez vos courriers indésirables, ou réessayez dans une heure.',
  },
  'reset.expired': {
    en: 'This password reset link has expired. Please ask for a new one.',
    fr: 'Ce lien de réinitialisation a expiré. Veuillez en demander un nouveau.',
  },
  'reset.invalid': {
    en: 'This password reset link is not valid or has already been used.',
    fr: 'Ce lien de réinitialisation n’est pas valide ou a déjà été utilisé.',
  },
  'user.not_found': { en: 'This user does not exist.', fr: 'Cet utilisateur n’existe pas.' },
} as const satisfies MessageTable;
