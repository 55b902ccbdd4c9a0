import type { MessageTable } from './message-table.ts';

/** Error messages every feature uses. */
export const COMMON_MESSAGES = {
  forbidden: {
    en: 'You are not allowed to do this.',
    fr: 'Vous n’êtes pas autorisé·e à effectuer cette action.',
  },
  unauthenticated: { en: 'Please sign in to continue.', fr: 'Veuillez vous connecter pour continuer.' },
  'validation.invalid': {
    en: 'Some fields are not valid. Please check the form.',
    fr: 'Certains champs ne sont pas valides. Veuillez vérifier le formulaire.',
  },
} as const satisfies MessageTable;
