import type { MessageTable } from './message-table.ts';

/**
 * Messages of refused uploads, in English and French. `{name}`, `{limit}`, `{allowed}`, `{detected}` and `{count}`
 * are filled in by FileRejectedError (sizes and lists in the reader's language).
 */
export const FILE_ERROR_MESSAGES = {
  'file.empty': {
    en: 'The file “{name}” is empty. Choose it again, or check that it was saved.',
    fr: 'Le fichier « {name} » est vide. Choisissez-le à nouveau ou vérifiez qu’il a bien été enregistré.',
  },
  'file.too_large': {
    en: 'The file “{name}” is larger than {limit}, the limit for one file here. Make it smaller (save it as PDF, or compress its images) and try again.',
    fr: 'Le fichier « {name} » dépasse {limit}, la taille maximale d’un fichier ici. Réduisez-le (enregistrez-le en PDF ou compressez ses images) et réessayez.',
  },
  'file.total_too_large': {
    en: 'Together these files are larger than {limit}, the limit for one submission. Remove or reduce some of them.',
    fr: 'Ensemble, ces fichiers dépassent {limit}, la taille maximale d’un envoi. Retirez ou réduisez certains d’entre eux.',
  },
  'file.too_many': {
    en: 'No more files can be added here: the limit is {count}.',
    fr: 'Aucun autre fichier ne peut être joint ici : la limite est de {count}.',
  },
  'file.type_not_allowed': {
    en: 'The file “{name}” is a {detected} file, which is not accepted here. Accepted: {allowed}.',
    fr: 'Le fichier « {name} » est de type {detected}, qui n’est pas accepté ici. Types acceptés : {allowed}.',
  },
  'file.unrecognised': {
    en: 'The type of “{name}” could not be recognised from its content. Accepted: {allowed}.',
    fr: 'Le type du fichier « {name} » n’a pas pu être reconnu d’après son contenu. Types acceptés : {allowed}.',
  },
  'file.executable': {
    en: '“{name}” is a program or a script, and programs are never accepted. Accepted: {allowed}.',
    fr: '« {name} » est un programme ou un script, et les programmes ne sont jamais acceptés. Types acceptés : {allowed}.',
  },
  'file.markup': {
    en: '“{name}” contains web page code (HTML, SVG or XML), which is not accepted. Accepted: {allowed}.',
    fr: '« {name} » contient du code de page web (HTML, SVG ou XML), qui n’est pas accepté. Types acceptés : {allowed}.',
  },
  'file.archive': {
    en: '“{name}” is a ZIP archive. Archives are not accepted: add the files themselves. Accepted: {allowed}.',
    fr: '« {name} » est une archive ZIP. Les archives ne sont pas acceptées : joignez les fichiers eux-mêmes. Types acceptés : {allowed}.',
  },
  'file.zip_bomb': {
    en: '“{name}” would unpack to far more data than it holds, or into thousands of parts, so it is not accepted. Save it again from its program and try again.',
    fr: '« {name} » se décompresserait en bien plus de données qu’il n’en contient, ou en milliers de parties : il n’est pas accepté. Enregistrez-le à nouveau depuis son logiciel et réessayez.',
  },
  'file.macros': {
    en: '“{name}” contains macros, which are not accepted. Save it without macros (as .docx, .xlsx or .pptx) and try again.',
    fr: '« {name} » contient des macros, qui ne sont pas acceptées. Enregistrez-le sans macros (en .docx, .xlsx ou .pptx) et réessayez.',
  },
  'file.legacy_office': {
    en: '“{name}” is an old-format Office file (.doc, .xls, .ppt) or is protected by a password. Save it as .docx, .xlsx, .pptx or PDF, without a password.',
    fr: '« {name} » est un fichier Office d’ancien format (.doc, .xls, .ppt) ou protégé par un mot de passe. Enregistrez-le en .docx, .xlsx, .pptx ou PDF, sans mot de passe.',
  },
  'file.damaged': {
    en: '“{name}” seems damaged: its contents could not be read. Save it again and upload the new copy.',
    fr: '« {name} » semble endommagé : son contenu n’a pas pu être lu. Enregistrez-le à nouveau et envoyez la nouvelle copie.',
  },
  'file.interrupted': {
    en: 'The upload of “{name}” stopped before it finished. Nothing of it was kept; please try again.',
    fr: 'L’envoi de « {name} » s’est interrompu avant la fin. Rien n’en a été conservé ; veuillez réessayer.',
  },
} as const satisfies MessageTable;

/** A code of a refused upload. */
export type FileErrorCode = keyof typeof FILE_ERROR_MESSAGES;
