/** `@labmig/core/importer` — checks the course files and imports them (course, question banks, quizzes, cohorts). */
export {
  importContent,
  type ImportResult,
  type ImportedCourse,
  type ImportedProgramme,
} from './content-import.commands.ts';
export { editionCohortId } from './edition-cohorts.ts';
export { checkContent, type ContentCheckReport } from './content.check.ts';
