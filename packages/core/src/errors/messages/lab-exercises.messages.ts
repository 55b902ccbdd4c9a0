import type { MessageTable } from './message-table.ts';

/** Error messages of Lab exercises. */
export const LAB_EXERCISES_MESSAGES = {
  'lab-exercise.not_found': {
    en: 'No such Lab exercise in this cohort.',
    fr: 'Cet exercice du Lab n’existe pas dans cette session.',
  },
  'lab-exercise.answers_incomplete': {
    en: 'Enter a number in every field (for example 3.81 or 3,81). Nothing was graded and no attempt was used.',
    fr: 'Saisissez un nombre dans chaque champ (par exemple 3,81 ou 3.81). Rien n’a été noté et aucune tentative n’a été utilisée.',
  },
  'lab-exercise.no_attempts_left': {
    en: 'You have used every attempt at this exercise.',
    fr: 'Vous avez utilisé toutes les tentatives de cet exercice.',
  },
  'lab-exercise.already_passed': {
    en: 'You already answered this exercise correctly; your score is kept.',
    fr: 'Vous avez déjà répondu correctement à cet exercice ; votre note est conservée.',
  },
  'lab-exercise.closed': {
    en: 'This exercise is past its due time: answers are no longer accepted.',
    fr: 'Cet exercice a dépassé son échéance : les réponses ne sont plus acceptées.',
  },
  'lab-exercise.attempt_conflict': {
    en: 'Another answer to this exercise was recorded at the same moment (another tab?). Reload the page to see it.',
    fr: 'Une autre réponse à cet exercice a été enregistrée au même moment (un autre onglet ?). Rechargez la page pour la voir.',
  },
} as const satisfies MessageTable;
