import type { MessageTable } from './message-table.ts';

/** Error messages of cohorts and enrolment. */
export const COHORTS_MESSAGES = {
  'cohort.not_found': { en: 'This cohort does not exist.', fr: 'Cette session n’existe pas.' },
  'course.not_found': { en: 'This course does not exist.', fr: 'Ce cours n’existe pas.' },
  'cohort.schedule_overrun': {
    en: 'No deadline may fall after the cohort’s end date: choose a later end date.',
    fr: 'Aucune échéance ne peut tomber après la fin de la session : choisissez une date de fin plus tardive.',
  },
  'enrolment.email_unconfirmed': {
    en: 'Confirm your email address before you enrol: open the link we sent you, or send yourself a new one.',
    fr: 'Confirmez votre adresse électronique avant de vous inscrire : ouvrez le lien que nous vous avons envoyé, ou envoyez-vous-en un nouveau.',
  },
  'enrolment.full': { en: 'This cohort is full.', fr: 'Cette session est complète.' },
  'enrolment.closed': {
    en: 'Enrolment for this cohort is closed.',
    fr: 'Les inscriptions à cette session sont closes.',
  },
  'enrolment.not_yet_open': {
    en: 'Enrolment for this cohort is not open yet.',
    fr: 'Les inscriptions à cette session ne sont pas encore ouvertes.',
  },
  'enrolment.already': {
    en: 'You are already enrolled in this cohort.',
    fr: 'Vous êtes déjà inscrit·e à cette session.',
  },
  'enrolment.not_enrolled': {
    en: 'You are not enrolled in this cohort.',
    fr: 'Vous n’êtes pas inscrit·e à cette session.',
  },
} as const satisfies MessageTable;
