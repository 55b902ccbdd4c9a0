import type { MessageTable } from './message-table.ts';

/**
 * Error messages of assignments: submissions, grading, groups. `assignment.closed` is completed with the date it
 * closed (AssignmentClosedError).
 */
export const ASSIGNMENTS_MESSAGES = {
  'assignment.not_found': { en: 'This assignment does not exist.', fr: 'Ce devoir n’existe pas.' },
  'assignment.not_open': {
    en: 'This assignment is not open yet.',
    fr: 'Ce devoir n’est pas encore ouvert.',
  },
  'assignment.closed': {
    en: 'This assignment closed on {date}. Nothing was saved; the work you saved before is kept.',
    fr: 'Ce devoir a été clos le {date}. Rien n’a été enregistré ; le travail enregistré auparavant est conservé.',
  },
  'assignment.already_submitted': {
    en: 'This work has been handed in. To change it, take it back first (possible until the due date).',
    fr: 'Ce travail a été remis. Pour le modifier, reprenez-le d’abord (possible jusqu’à la date limite).',
  },
  'assignment.not_submitted': {
    en: 'This work has not been handed in, so there is nothing to take back.',
    fr: 'Ce travail n’a pas été remis : il n’y a rien à reprendre.',
  },
  'assignment.after_due': {
    en: 'The due date has passed: work handed in can no longer be taken back.',
    fr: 'La date limite est passée : le travail remis ne peut plus être repris.',
  },
  'assignment.resubmission_off': {
    en: 'This assignment does not allow taking work back once it is handed in.',
    fr: 'Ce devoir ne permet pas de reprendre un travail une fois remis.',
  },
  'assignment.marking_started': {
    en: 'A tutor has started marking this work, so it can no longer be taken back.',
    fr: 'Un tuteur a commencé à corriger ce travail : il ne peut plus être repris.',
  },
  'assignment.not_failed': {
    en: 'A new attempt opens only after a released grade below the pass mark.',
    fr: 'Une nouvelle tentative ne s’ouvre qu’après une note publiée inférieure au seuil de réussite.',
  },
  'assignment.no_attempts_left': {
    en: 'You have used every attempt this assignment allows.',
    fr: 'Vous avez utilisé toutes les tentatives que ce devoir permet.',
  },
  'assignment.reopen_expired': {
    en: 'The period for a new attempt has ended.',
    fr: 'La période pour une nouvelle tentative est terminée.',
  },
  'assignment.text_required': {
    en: 'Write your answer in the text box before handing it in. Your draft is saved.',
    fr: 'Rédigez votre réponse dans la zone de texte avant de la remettre. Votre brouillon est enregistré.',
  },
  'assignment.files_required': {
    en: 'Attach the file this assignment asks for before handing it in. Your draft is saved.',
    fr: 'Joignez le fichier demandé par ce devoir avant de le remettre. Votre brouillon est enregistré.',
  },
  'assignment.too_many_files': {
    en: 'This submission has more files than the assignment allows: remove one before handing it in.',
    fr: 'Cette remise contient plus de fichiers que le devoir n’en permet : retirez-en un avant de la remettre.',
  },
  'assignment.files_not_accepted': {
    en: 'This assignment takes no files: write your answer in the text box.',
    fr: 'Ce devoir n’accepte pas de fichiers : rédigez votre réponse dans la zone de texte.',
  },
  'assignment.text_not_accepted': {
    en: 'This assignment takes files only: clear the text box or put the text in your file.',
    fr: 'Ce devoir n’accepte que des fichiers : videz la zone de texte ou mettez ce texte dans votre fichier.',
  },
  'assignment.text_too_long': {
    en: 'This text is longer than 100,000 characters: shorten it or attach it as a file. Nothing was saved.',
    fr: 'Ce texte dépasse 100 000 caractères : raccourcissez-le ou joignez-le en fichier. Rien n’a été enregistré.',
  },
  'assignment.no_group': {
    en: 'You are not in a group yet, and this is a group assignment. Ask your tutor to add you to a group.',
    fr: 'Vous n’êtes encore dans aucun groupe, et ce devoir est un travail de groupe. Demandez à votre tuteur de vous ajouter à un groupe.',
  },
  'assignment.draft_conflict': {
    en: 'This draft was changed since you opened it (by another member of your group, or by you in another window). Nothing was overwritten: your text is shown below the current draft — copy what you need.',
    fr: 'Ce brouillon a été modifié depuis que vous l’avez ouvert (par un autre membre de votre groupe, ou par vous dans une autre fenêtre). Rien n’a été écrasé : votre texte est affiché sous le brouillon actuel — copiez ce dont vous avez besoin.',
  },
  'assignment.extension_invalid': {
    en: 'Enter a new due date and time after the original due date.',
    fr: 'Saisissez une nouvelle date et heure limites postérieures à la date limite initiale.',
  },
  'submission.not_found': { en: 'This submission does not exist.', fr: 'Cette remise n’existe pas.' },
  'grade.conflict': {
    en: 'Another tutor saved a grade for this work since you opened it. Nothing was overwritten: their grade is shown, and your marks are kept in the form — check them and save again.',
    fr: 'Un autre tuteur a enregistré une note pour ce travail depuis que vous l’avez ouvert. Rien n’a été écrasé : sa note est affichée, et vos choix sont conservés dans le formulaire — vérifiez-les et enregistrez à nouveau.',
  },
  'grade.incomplete': {
    en: 'Choose a level for every criterion before marking the grade ready.',
    fr: 'Choisissez un niveau pour chaque critère avant de marquer la note comme prête.',
  },
  'grade.not_saved': {
    en: 'Save a grade before marking it ready.',
    fr: 'Enregistrez une note avant de la marquer comme prête.',
  },
  'grade.not_ready': {
    en: 'Mark the grade ready before releasing it.',
    fr: 'Marquez la note comme prête avant de la publier.',
  },
  'grade.already_released': {
    en: 'This grade has already been released.',
    fr: 'Cette note a déjà été publiée.',
  },
  'grade.nothing_to_reopen': {
    en: 'Only a grade marked ready can be taken back into marking.',
    fr: 'Seule une note marquée comme prête peut être reprise en correction.',
  },
  'grade.points_invalid': {
    en: 'Enter points from 0 to the maximum grade, with at most one decimal.',
    fr: 'Saisissez des points entre 0 et la note maximale, avec au plus une décimale.',
  },
  'grade.level_invalid': {
    en: 'Choose one of the levels of this criterion.',
    fr: 'Choisissez l’un des niveaux de ce critère.',
  },
  'grade.adjustment_invalid': {
    en: 'An individual adjustment must stay within the limit this assignment sets, with at most one decimal.',
    fr: 'Un ajustement individuel doit rester dans la limite fixée par ce devoir, avec au plus une décimale.',
  },
  'grade.not_submitted': {
    en: 'Only work that has been handed in can be graded.',
    fr: 'Seul un travail remis peut être noté.',
  },
} as const satisfies MessageTable;
