import type { MessageTable } from './message-table.ts';

/** Error messages of certificates and diplomas. */
export const CERTIFICATES_MESSAGES = {
  'certificate.not_found': {
    en: 'No such certificate. Check the code: it looks like LM-2026-7K3Q-9XP2.',
    fr: 'Aucun certificat ne porte ce code. Vérifiez-le : il ressemble à LM-2026-7K3Q-9XP2.',
  },
  'certificate.already_issued': {
    en: 'This person already has a certificate for this cohort; it is never issued twice.',
    fr: 'Cette personne a déjà un certificat pour cette session ; il n’est jamais délivré deux fois.',
  },
  'certificate.already_revoked': {
    en: 'This certificate is already revoked.',
    fr: 'Ce certificat est déjà révoqué.',
  },
  'certificate.not_a_learner': {
    en: 'This person is not a learner of this cohort: enrol them as a learner first.',
    fr: 'Cette personne ne participe pas à cette session : inscrivez-la d’abord comme participant·e.',
  },
  'certificate.reason_required': {
    en: 'Give a reason (at least 5 characters): it is kept with the certificate.',
    fr: 'Indiquez un motif (au moins 5 caractères) : il est conservé avec le certificat.',
  },
  'certificate.email_invalid': {
    en: 'Enter the learner’s email address, like name@example.org.',
    fr: 'Saisissez l’adresse électronique de la personne, par exemple nom@example.org.',
  },
  'certificate.user_not_found': {
    en: 'No account has this email address.',
    fr: 'Aucun compte n’a cette adresse électronique.',
  },
  'programme.not_found': {
    en: 'This programme does not exist.',
    fr: 'Ce programme n’existe pas.',
  },
} as const satisfies MessageTable;
