// Public API of core/lab-exercises (see README.md).
export {
  labExerciseFrontMatterSchema,
  type LabExerciseDefinition,
  type LabAnswerSpec,
  type Tolerance,
} from './definition/lab-exercise-definition.ts';
export { computeExpectedValues, LabComputeError } from './definition/expected-values.ts';
export {
  loadLabExercises,
  labDataDirOf,
  LAB_EXERCISES_DIR,
  type LoadedLabExercise,
  type LoadLabExercisesResult,
} from './definition/lab-exercise.loader.ts';
export {
  writeLabExerciseDefinitions,
  type LabExerciseImportReport,
} from './definition/lab-exercise-import.commands.ts';
export {
  attemptScore,
  exerciseGrade,
  exerciseStatus,
  gradeAnswer,
  mayAnswer,
  parseAnswerNumber,
  withinTolerance,
  type AnswerResult,
  type LabExerciseStatus,
} from './grading/lab-grading.rules.ts';
export { labExercisePaths } from './lab-exercise-context.ts';
export {
  loadLabExerciseGrades,
  labStillRequired,
  type LabExerciseCellDto,
  type LabExerciseColumnDto,
  type LabExerciseGrades,
} from './lab-exercise-grades.queries.ts';
export {
  getLabExercisePage,
  getLabExercisesIndex,
  getLabExercisesHome,
  type LabAttemptDto,
  type LabExercisePageDto,
  type LabExercisesIndexDto,
  type LabExercisesHomeDto,
  type LabExerciseListItemDto,
} from './lab-exercise.queries.ts';
export { answerLabExercise, type LabAnswerOutcome } from './lab-exercise.commands.ts';
