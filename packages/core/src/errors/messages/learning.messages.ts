import type { MessageTable } from './message-table.ts';

/** Error messages of the learning space. */
export const LEARNING_MESSAGES = {
  'learning.not_a_learner': {
    en: 'Only learners of this cohort can record progress.',
    fr: 'Seuls les participant·e·s de cette session peuvent enregistrer leur progression.',
  },
  'learning.enrolment_inactive': {
    en: 'Your place in this cohort is not active (waiting list or withdrawn).',
    fr: 'Votre place dans cette session n’est pas active (liste d’attente ou désinscription).',
  },
  'learning.week_not_open': {
    en: 'This week has not opened yet.',
    fr: 'Cette semaine n’est pas encore ouverte.',
  },
  'learning.week_not_found': {
    en: 'This course has no such week.',
    fr: 'Ce cours n’a pas cette semaine.',
  },
  'learning.module_not_found': { en: 'This module does not exist.', fr: 'Ce module n’existe pas.' },
  'learning.lesson_not_found': { en: 'This lesson does not exist.', fr: 'Cette leçon n’existe pas.' },
  'learning.feed_not_found': {
    en: 'This calendar link is not valid or has been replaced.',
    fr: 'Ce lien de calendrier n’est pas valide ou a été remplacé.',
  },
} as const satisfies MessageTable;
