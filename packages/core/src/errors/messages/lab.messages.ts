import type { MessageTable } from './message-table.ts';

/** Error messages of the Lab on the server (datasets, mappings, runs). */
export const LAB_MESSAGES = {
  'lab.dataset_not_found': {
    en: 'This dataset does not exist, or it is not shared with you.',
    fr: 'Ce jeu de données n’existe pas, ou il n’est pas partagé avec vous.',
  },
  'lab.run_not_found': {
    en: 'This run does not exist, or it is not shared with you.',
    fr: 'Ce calcul n’existe pas, ou il n’est pas partagé avec vous.',
  },
  'lab.too_many_datasets': {
    en: 'You have reached the Lab’s limit of datasets. Delete a dataset you no longer need, then try again.',
    fr: 'Vous avez atteint le nombre maximal de jeux de données du Lab. Supprimez un jeu de données dont vous n’avez plus besoin, puis réessayez.',
  },
  'lab.storage_full': {
    en: 'Your datasets already use all the space the Lab gives each person. Delete a dataset you no longer need, then try again.',
    fr: 'Vos jeux de données occupent déjà tout l’espace que le Lab accorde à chaque personne. Supprimez un jeu de données dont vous n’avez plus besoin, puis réessayez.',
  },
  'lab.too_many_jobs': {
    en: 'You already have the most Lab jobs that may wait or run at once. Wait for one to finish, or cancel one.',
    fr: 'Vous avez déjà le nombre maximal de calculs du Lab en attente ou en cours. Attendez qu’un calcul se termine, ou annulez-en un.',
  },
  'lab.practice_unknown': {
    en: 'There is no practice dataset with that name.',
    fr: 'Il n’y a pas de jeu de données d’exercice de ce nom.',
  },
  'lab.not_ready': {
    en: 'This dataset has not been read yet, or it could not be read: it cannot be mapped or run.',
    fr: 'Ce jeu de données n’a pas encore été lu, ou n’a pas pu l’être : il ne peut être ni mis en correspondance ni calculé.',
  },
  'lab.mapping_incomplete': {
    en: 'The mapping leaves required variables unset, so the tables cannot be computed. Choose a column for each of them.',
    fr: 'La correspondance laisse des variables obligatoires sans colonne : les tableaux ne peuvent pas être calculés. Choisissez une colonne pour chacune.',
  },
  'lab.mapping_unreadable': {
    en: 'This mapping file cannot be read: it is not a labmig mapping (JSON). Save the mapping again from the wizard.',
    fr: 'Ce fichier de correspondance est illisible : ce n’est pas une correspondance labmig (JSON). Enregistrez de nouveau la correspondance depuis l’assistant.',
  },
  'lab.run_not_cancellable': {
    en: 'This run has already ended: there is nothing to cancel.',
    fr: 'Ce calcul est déjà terminé : il n’y a rien à annuler.',
  },
  'lab.run_not_retryable': {
    en: 'Only a run that failed or was cancelled can be run again.',
    fr: 'Seul un calcul qui a échoué ou a été annulé peut être relancé.',
  },
  'lab.dataset_not_rereadable': {
    en: 'Only a dataset whose reading was interrupted can be read again. A file the reader refused must be fixed and uploaded again.',
    fr: 'Seul un jeu de données dont la lecture a été interrompue peut être relu. Un fichier refusé par le lecteur doit être corrigé et déposé de nouveau.',
  },
  'lab.group_not_yours': {
    en: 'You can share a dataset only with a group you belong to or tutor.',
    fr: 'Vous ne pouvez partager un jeu de données qu’avec un groupe dont vous êtes membre ou tuteur·rice.',
  },
  'lab.run_not_finished': {
    en: 'This run has no tables yet: it has not finished, or it failed.',
    fr: 'Ce calcul n’a pas encore de tableaux : il n’est pas terminé, ou il a échoué.',
  },
  'lab.table_not_found': {
    en: 'This run has no table with that name.',
    fr: 'Ce calcul n’a pas de tableau de ce nom.',
  },
} as const satisfies MessageTable;
