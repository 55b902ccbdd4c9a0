import type { MessageTable } from './message-table.ts';

/** Error messages of course administration: cohort settings, enrolments, people. */
export const COURSE_ADMIN_MESSAGES = {
  'cohort.archived': {
    en: 'This cohort is archived. Restore it before you change it.',
    fr: 'Cette session est archivée. Restaurez-la avant de la modifier.',
  },
  'cohort.state_unchanged': {
    en: 'This cohort is already in that state; nothing was changed.',
    fr: 'Cette session est déjà dans cet état ; rien n’a été modifié.',
  },
  'cohort.dates_locked': {
    en: 'This cohort has started: its start date and time zone can no longer change (the weeks and assessments follow them).',
    fr: 'Cette session a commencé : sa date de début et son fuseau horaire ne peuvent plus changer (les semaines et les évaluations en dépendent).',
  },
  'enrolment.not_found': {
    en: 'This person has no place in this cohort.',
    fr: 'Cette personne n’a pas de place dans cette session.',
  },
  'enrolment.not_pending': {
    en: 'This application has already been decided. The page now shows where it stands.',
    fr: 'Cette candidature a déjà été traitée. La page montre maintenant où elle en est.',
  },
  'enrolment.already_left': {
    en: 'This person has already left the cohort; nothing was changed.',
    fr: 'Cette personne a déjà quitté la session ; rien n’a été modifié.',
  },
  'enrolment.not_waitlisted': {
    en: 'This person is not on the waiting list any more.',
    fr: 'Cette personne n’est plus sur la liste d’attente.',
  },
  'enrolment.no_place': {
    en: 'No place is free. Raise the capacity in the settings, or withdraw someone first.',
    fr: 'Aucune place n’est libre. Augmentez la capacité dans les paramètres, ou retirez d’abord quelqu’un.',
  },
  'enrolment.not_placed': {
    en: 'Only people with a place (enrolled or on the waiting list) can change role.',
    fr: 'Seules les personnes qui ont une place (inscrites ou en liste d’attente) peuvent changer de rôle.',
  },
  'enrolment.role_unchanged': {
    en: 'This person already has that role.',
    fr: 'Cette personne a déjà ce rôle.',
  },
  'enrolment.own_place': {
    en: 'You cannot change your own role or withdraw yourself here. Ask another manager or a site administrator.',
    fr: 'Vous ne pouvez pas changer votre propre rôle ni vous retirer ici. Demandez à un·e autre responsable ou à un administrateur du site.',
  },
  'enrolment.declined': {
    en: 'Your application to this cohort was not accepted. Write to the course team if you think this is a mistake.',
    fr: 'Votre candidature à cette session n’a pas été retenue. Écrivez à l’équipe du cours si vous pensez qu’il s’agit d’une erreur.',
  },
  'enrolment.unknown_email': {
    en: 'No account uses this email address. Give the person’s name and tick “Invite” to create their account.',
    fr: 'Aucun compte n’utilise cette adresse. Indiquez le nom de la personne et cochez « Inviter » pour lui créer un compte.',
  },
  'enrolment.csv_unreadable': {
    en: 'This file is not a CSV list: save it from your spreadsheet as “CSV UTF-8” and upload it again.',
    fr: 'Ce fichier n’est pas une liste CSV : enregistrez-le depuis votre tableur au format « CSV UTF-8 » et envoyez-le de nouveau.',
  },
  'enrolment.csv_too_large': {
    en: 'This list is too long. Split it into files of at most 2,000 rows (1 MB).',
    fr: 'Cette liste est trop longue. Découpez-la en fichiers d’au plus 2 000 lignes (1 Mo).',
  },
  'enrolment.csv_no_email': {
    en: 'The first row must name the columns, one of them “email” (and optionally “name” and “role”).',
    fr: 'La première ligne doit nommer les colonnes, dont une « email » (et au besoin « name » et « role »).',
  },
  'enrolment.csv_rejected': {
    en: 'Nothing was saved: some rows have problems. Fix the rows marked below and upload the list again.',
    fr: 'Rien n’a été enregistré : certaines lignes posent problème. Corrigez les lignes signalées ci-dessous et envoyez de nouveau la liste.',
  },
  'people.last_admin': {
    en: 'This is the last active site administrator. Make someone else an administrator first.',
    fr: 'C’est le dernier administrateur actif du site. Nommez d’abord quelqu’un d’autre administrateur.',
  },
  'people.confirm_self': {
    en: 'You are removing your own administrator role. Tick the box to confirm that you will lose access to these pages.',
    fr: 'Vous retirez votre propre rôle d’administrateur. Cochez la case pour confirmer que vous perdrez l’accès à ces pages.',
  },
  'people.self_deactivate': {
    en: 'You cannot deactivate your own account.',
    fr: 'Vous ne pouvez pas désactiver votre propre compte.',
  },
  'people.unchanged': {
    en: 'The account is already like this; nothing was changed.',
    fr: 'Le compte est déjà ainsi ; rien n’a été modifié.',
  },
  'people.deactivated': {
    en: 'This account is deactivated. Reactivate it first.',
    fr: 'Ce compte est désactivé. Réactivez-le d’abord.',
  },
} as const satisfies MessageTable;
