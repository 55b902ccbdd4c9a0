import type { MessageTable } from './message-table.ts';

/** Error messages of groups, and the per-row outcomes of a group list (CSV). */
export const GROUPS_MESSAGES = {
  'group.not_found': { en: 'This group does not exist.', fr: 'Ce groupe n’existe pas.' },
  'group.name_taken': {
    en: 'This cohort already has a group with that name. Choose another name.',
    fr: 'Cette session a déjà un groupe de ce nom. Choisissez un autre nom.',
  },
  'group.not_a_learner': {
    en: 'Only active learners of this cohort can be members of a group. Check the email address.',
    fr: 'Seuls les participant·e·s actifs de cette session peuvent être membres d’un groupe. Vérifiez l’adresse électronique.',
  },
  'group.tutor_not_staff': {
    en: 'The tutor of a group must be an active tutor or manager of this cohort.',
    fr: 'Le tuteur ou la tutrice d’un groupe doit être tuteur, tutrice ou responsable actif de cette session.',
  },
  'group.has_discussions': {
    en: 'This group’s forum has discussions, so the group cannot be deleted. Move its threads to another forum first.',
    fr: 'Le forum de ce groupe contient des discussions : le groupe ne peut pas être supprimé. Déplacez d’abord ses fils vers un autre forum.',
  },
  'group.nothing_to_allocate': {
    en: 'Every active learner already has a group: there is nobody to allocate.',
    fr: 'Chaque participant·e actif a déjà un groupe : personne à répartir.',
  },
  'group.regions_unavailable': {
    en: 'The country list with regions is missing from the course data, so groups cannot be made by region. Make them by language or from a CSV file.',
    fr: 'La liste des pays et de leurs régions manque dans les données du cours : les groupes ne peuvent pas être formés par région. Formez-les par langue ou depuis un fichier CSV.',
  },
  'group.csv_unreadable': {
    en: 'This file is not a CSV text file. Save your spreadsheet as “CSV (comma or semicolon separated)” and try again.',
    fr: 'Ce fichier n’est pas un fichier texte CSV. Enregistrez votre tableur au format « CSV (séparateur virgule ou point-virgule) » et réessayez.',
  },
  'group.csv_too_large': {
    en: 'This file is too large: a group list may have at most 5,000 rows (1 MB).',
    fr: 'Ce fichier est trop volumineux : une liste de groupes compte au plus 5 000 lignes (1 Mo).',
  },
  'group.csv_header': {
    en: 'The first line must name the columns “email” and “group” (and optionally “tutor”).',
    fr: 'La première ligne doit nommer les colonnes « email » et « group » (ou « groupe »), et si besoin « tutor » (ou « tuteur »).',
  },
  'group.csv_rejected': {
    en: 'Some rows have problems, so nothing was changed. Correct the rows listed below and upload the file again.',
    fr: 'Certaines lignes posent problème : rien n’a été modifié. Corrigez les lignes indiquées ci-dessous et envoyez à nouveau le fichier.',
  },
  'group.row_email_missing': { en: 'No email address.', fr: 'Pas d’adresse électronique.' },
  'group.row_unknown_person': {
    en: 'Nobody in this cohort has this email address.',
    fr: 'Personne dans cette session n’a cette adresse électronique.',
  },
  'group.row_not_learner': {
    en: 'This person is not an active learner of the cohort.',
    fr: 'Cette personne n’est pas participant·e actif de la session.',
  },
  'group.row_duplicate': {
    en: 'This person is already listed on an earlier row.',
    fr: 'Cette personne figure déjà sur une ligne précédente.',
  },
  'group.row_group_missing': { en: 'No group name.', fr: 'Pas de nom de groupe.' },
  'group.row_group_too_long': {
    en: 'The group name is longer than 80 characters.',
    fr: 'Le nom du groupe dépasse 80 caractères.',
  },
  'group.row_tutor_not_staff': {
    en: 'The tutor is not an active tutor or manager of the cohort.',
    fr: 'Le tuteur ou la tutrice n’est pas tuteur, tutrice ou responsable actif de la session.',
  },
  'group.row_tutor_conflict': {
    en: 'An earlier row gives this group another tutor.',
    fr: 'Une ligne précédente donne un autre tuteur ou une autre tutrice à ce groupe.',
  },
} as const satisfies MessageTable;
