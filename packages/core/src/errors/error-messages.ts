import { FILE_ERROR_MESSAGES } from './files.messages.ts';

/** The locales the campus speaks. */
export type Locale = 'en' | 'fr';

/** Every stable error code with its safe message in English and French. */
export const ERROR_MESSAGES = {
  ...FILE_ERROR_MESSAGES,
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
    fr: "Vous n'êtes pas inscrit·e à cette session.",
  },
  'cohort.not_found': { en: 'This cohort does not exist.', fr: "Cette session n'existe pas." },
  'course.not_found': { en: 'This course does not exist.', fr: "Ce cours n'existe pas." },
  'user.not_found': { en: 'This user does not exist.', fr: "Cet utilisateur n'existe pas." },
  'quiz.not_found': { en: 'This assessment does not exist.', fr: "Cette évaluation n'existe pas." },
  'quiz.not_open': {
    en: 'This assessment is not open yet.',
    fr: "Cette évaluation n'est pas encore ouverte.",
  },
  'quiz.closed': { en: 'This assessment is closed.', fr: 'Cette évaluation est close.' },
  'quiz.no_attempts_left': {
    en: 'You have used all your attempts at this assessment.',
    fr: 'Vous avez utilisé toutes vos tentatives pour cette évaluation.',
  },
  'attempt.not_found': { en: 'This attempt does not exist.', fr: "Cette tentative n'existe pas." },
  'attempt.closed': {
    en: 'This attempt has been submitted or its time is up; your answer was not saved. Everything saved before is kept.',
    fr: "Cette tentative a été remise ou son temps est écoulé ; votre réponse n'a pas été enregistrée. Tout ce qui a été enregistré avant est conservé.",
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
    fr: "Ce n'est pas l'un des choix proposés.",
  },
  'answer.too_long': { en: 'This answer is too long.', fr: 'Cette réponse est trop longue.' },
  'answer.no_such_question': {
    en: 'There is no such question in this attempt.',
    fr: "Cette question n'existe pas dans cette tentative.",
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
    fr: 'Cette évaluation donne ses retours après la remise : les questions ne peuvent pas être vérifiées une à une.',
  },
  'learning.not_a_learner': {
    en: 'Only learners of this cohort can record progress.',
    fr: 'Seuls les participant·e·s de cette session peuvent enregistrer leur progression.',
  },
  'learning.enrolment_inactive': {
    en: 'Your place in this cohort is not active (waiting list or withdrawn).',
    fr: "Votre place dans cette session n'est pas active (liste d'attente ou désinscription).",
  },
  'learning.week_not_open': {
    en: 'This week has not opened yet.',
    fr: "Cette semaine n'est pas encore ouverte.",
  },
  'learning.week_not_found': {
    en: 'This course has no such week.',
    fr: "Ce cours n'a pas cette semaine.",
  },
  'learning.module_not_found': { en: 'This module does not exist.', fr: "Ce module n'existe pas." },
  'learning.lesson_not_found': { en: 'This lesson does not exist.', fr: "Cette leçon n'existe pas." },
  'learning.feed_not_found': {
    en: 'This calendar link is not valid or has been replaced.',
    fr: "Ce lien de calendrier n'est pas valide ou a été remplacé.",
  },
  forbidden: {
    en: 'You are not allowed to do this.',
    fr: "Vous n'êtes pas autorisé·e à effectuer cette action.",
  },
  unauthenticated: { en: 'Please sign in to continue.', fr: 'Veuillez vous connecter pour continuer.' },
  'validation.invalid': {
    en: 'Some fields are not valid. Please check the form.',
    fr: 'Certains champs ne sont pas valides. Veuillez vérifier le formulaire.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** A stable domain error code. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Looks up the message of a code in a locale (English when the locale is unknown). */
export function errorMessage(code: ErrorCode, locale: string): string {
  const messages = ERROR_MESSAGES[code];
  return locale === 'fr' ? messages.fr : messages.en;
}
