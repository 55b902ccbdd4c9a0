import type { MessageTable } from './message-table.ts';

/** Error messages of a person's own account settings: password, email address, reminders. */
export const ACCOUNT_SETTINGS_MESSAGES = {
  'auth.deactivated': {
    en: 'This account is deactivated, so it cannot sign in. To have it reactivated, write to the course team.',
    fr: 'Ce compte est désactivé : il ne peut pas se connecter. Pour le faire réactiver, écrivez à l’équipe du cours.',
  },
  'password.current_wrong': {
    en: 'Your current password is not correct.',
    fr: 'Votre mot de passe actuel est incorrect.',
  },
  'email_change.same': {
    en: 'This is already your address.',
    fr: 'C’est déjà votre adresse.',
  },
  'email_change.taken': {
    en: 'Another account uses this address. Choose another one.',
    fr: 'Un autre compte utilise cette adresse. Choisissez-en une autre.',
  },
  'email_change.rate_limited': {
    en: 'You asked for several address changes in the last hour. Wait an hour, then try again.',
    fr: 'Vous avez demandé plusieurs changements d’adresse dans l’heure. Attendez une heure, puis réessayez.',
  },
  'email_change.invalid': {
    en: 'This confirmation link is not valid or has already been used. Ask for a new one on your profile page.',
    fr: 'Ce lien de confirmation n’est pas valide ou a déjà servi. Demandez-en un nouveau sur votre page de profil.',
  },
  'email_change.expired': {
    en: 'This confirmation link has expired. Ask for a new one on your profile page.',
    fr: 'Ce lien de confirmation a expiré. Demandez-en un nouveau sur votre page de profil.',
  },
  'unsubscribe.invalid': {
    en: 'This unsubscribe link is not valid. Sign in and turn reminders off on your profile page instead.',
    fr: 'Ce lien de désabonnement n’est pas valide. Connectez-vous et désactivez les rappels sur votre page de profil.',
  },
} as const satisfies MessageTable;
