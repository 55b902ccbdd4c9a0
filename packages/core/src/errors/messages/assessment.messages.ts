import type { MessageTable } from './message-table.ts';

/** Error messages of weekly assessments: quizzes, attempts, answers. */
export const ASSESSMENT_MESSAGES = {
  'quiz.not_found': { en: 'This assessment does not exist.', fr: 'Cette évaluation n’existe pas.' },
  'quiz.not_open': {
    en: 'This assessment is not open yet.',
    fr: 'Cette évaluation n’est pas encore ouverte.',
  },
  'quiz.closed': { en: 'This assessment is closed.', fr: 'Cette évaluation est close.' },
  'quiz.no_attempts_left': {
    en: 'You have used all your attempts at this assessment.',
    fr: 'Vous avez utilisé toutes vos tentatives pour cette évaluation.',
  },
  'attempt.not_found': { en: 'This attempt does not exist.', fr: 'Cette tentative n’existe pas.' },
  'attempt.closed': {
    en: 'This attempt has been submitted or its time is up; your answer was not saved. Everything saved before is kept.',
    fr: 'Cette tentative a été remise ou son temps est écoulé ; votre réponse n’a pas été enregistrée. Tout ce qui a été enregistré avant est conservé.',
  },
  'attempt.question_checked': {
    en: 'This question has already been checked and can no longer be changed.',
    fr: 'Cette question a déjà été vérifiée et ne peut plus être modifiée.',
  },
  'answer.not_a_number': {
    en: 'Enter a number, for example 12.5 or 12,5.',
    fr: 'Saisissez un nombre, par exemple 12,5 ou 12.5.',
  },
  'answer.unknown_option': {
    en: 'This option is not one of the options of the question.',
    fr: 'Cette option ne fait pas partie des options de la question.',
  },
  'answer.too_many_options': { en: 'Choose one option only.', fr: 'Choisissez une seule option.' },
  'answer.unknown_choice': {
    en: 'This is not one of the choices offered.',
    fr: 'Ce n’est pas l’un des choix proposés.',
  },
  'answer.too_long': { en: 'This answer is too long.', fr: 'Cette réponse est trop longue.' },
  'answer.no_such_question': {
    en: 'There is no such question in this attempt.',
    fr: 'Cette question n’existe pas dans cette tentative.',
  },
  'answer.checked': {
    en: 'This question has already been checked and can no longer be changed.',
    fr: 'Cette question a déjà été vérifiée et ne peut plus être modifiée.',
  },
  'answer.empty': {
    en: 'Answer the question before checking it.',
    fr: 'Répondez à la question avant de la vérifier.',
  },
  'answer.not_checkable': {
    en: 'This assessment gives feedback after submission: questions cannot be checked one by one.',
    fr: 'Cette évaluation donne ses retours après la remise : les questions ne peuvent pas être vérifiées une à une.',
  },
  'answer.cannot_check': {
    en: 'This question cannot be checked: it has nothing to answer or was checked already.',
    fr: 'Cette question ne peut pas être vérifiée : elle n’attend pas de réponse ou a déjà été vérifiée.',
  },
} as const satisfies MessageTable;
