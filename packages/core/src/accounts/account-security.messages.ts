/**
 * Error messages of sign-up limits and email confirmation, in English and French (merged into ERROR_MESSAGES).
 * Kept beside the feature so that its texts live with it.
 */
export const ACCOUNT_SECURITY_MESSAGES = {
  'auth.signup_rate_limited': {
    en: 'Too many accounts were created from your network in the last hour. Please try again in an hour, or ask your course manager to create your account.',
    fr: 'Trop de comptes ont été créés depuis votre réseau au cours de la dernière heure. Veuillez réessayer dans une heure, ou demandez au responsable de votre session de créer votre compte.',
  },
  'enrolment.email_unconfirmed': {
    en: 'Confirm your email address before you enrol: open the link we sent you, or send yourself a new one.',
    fr: 'Confirmez votre adresse électronique avant de vous inscrire : ouvrez le lien que nous vous avons envoyé, ou envoyez-vous-en un nouveau.',
  },
  'confirm.invalid': {
    en: 'This confirmation link is not valid. Send yourself a new one.',
    fr: "Ce lien de confirmation n'est pas valide. Envoyez-vous-en un nouveau.",
  },
  'confirm.expired': {
    en: 'This confirmation link has expired. Send yourself a new one.',
    fr: 'Ce lien de confirmation a expiré. Envoyez-vous-en un nouveau.',
  },
  'confirm.rate_limited': {
    en: 'We have already sent you 3 links in the last hour. Check your spam folder, or try again in an hour.',
    fr: 'Nous vous avons déjà envoyé 3 liens au cours de la dernière heure. Vérifiez vos courriers indésirables, ou réessayez dans une heure.',
  },
} as const;
