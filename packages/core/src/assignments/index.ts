/**
 * `@labmig/core/assignments` — individual, group and final assignments defined in content: submission (drafts,
 * files, hand-in, late and closed), grading with rubrics (marking workflow, regrades, group grades), the tutor's
 * workload, and the results other features read (`assignmentResults`). See README.md.
 */
export {
  SUBMISSION_CEILINGS,
  SUBMISSION_FILE_TYPES,
  assignmentFrontMatterSchema,
  type AssignmentDefinition,
  type SubmissionFileType,
  type SubmissionSpec,
} from './definition/assignment-definition.ts';
export {
  ASSIGNMENTS_DIR,
  loadAssignments,
  type LoadAssignmentsResult,
} from './definition/assignment.loader.ts';
export { hasOneDecimalAtMost, reachesPassMark, roundGrade } from './grading/grade-rounding.rules.ts';
export {
  adjustmentProblem,
  memberGrade,
  type AdjustmentProblem,
  type MemberGrade,
} from './grading/group-grade.rules.ts';
export {
  isStaleEdit,
  nextMarkingState,
  visibleGrade,
  type GradeVersion,
  type MarkingEvent,
  type MarkingRefusal,
  type MarkingState,
  type MarkingStep,
} from './grading/marking-workflow.rules.ts';
export {
  maxPointsOf,
  scoreMarks,
  type CriterionScore,
  type GradingScheme,
  type Marks,
  type RubricCriterion,
  type RubricLevel,
  type ScoredGrade,
} from './grading/rubric-scoring.rules.ts';
export {
  learnerActions,
  type AttemptFacts,
  type LearnerActions,
  type Permission,
  type RefusalReason,
  type ResubmissionSettings,
} from './submission/resubmission.rules.ts';
export {
  courseDate,
  isLateSubmission,
  reopenedWindow,
  submissionWindow,
  windowStateAt,
  type AssignmentDates,
  type CourseDay,
  type SubmissionWindow,
  type WindowState,
} from './submission/submission-window.rules.ts';
export {
  assignmentStatus,
  stillRequired,
  workloadCategory,
  type AssignmentStatus,
  type StatusFacts,
  type WorkloadCategory,
} from './submission/assignment-status.rules.ts';
export {
  historyStep,
  TEXT_SAVE_WINDOW_MS,
  type HistoryAction,
  type LastEntry,
} from './submission/submission-history.rules.ts';
export {
  MAX_SUBMISSION_TEXT_CHARS,
  submitProblems,
  wordCount,
  type SubmitProblem,
} from './submission/submission-content.rules.ts';
export { assignmentPaths, type AssignmentPaths } from './assignment-paths.ts';
export { AssignmentClosedError, formatClosing } from './assignment.errors.ts';
export {
  saveDraft,
  submitWork,
  withdrawWork,
  startNewAttempt,
  type AssignmentRef,
  type DraftInput,
  type SavedWork,
} from './work/submission.commands.ts';
export {
  prepareSubmissionUpload,
  attachSubmissionFiles,
  removeSubmissionFile,
  openSubmissionFile,
  type UploadTarget,
} from './work/submission-files.commands.ts';
export {
  getLearnerAssignments,
  getAssignmentPage,
  type LearnerAssignmentsDto,
  type AssignmentPageDto,
  type HistoryEntryDto,
} from './work/assignment-page.queries.ts';
export type {
  AssignmentInfoDto,
  AssignmentListItemDto,
  AssignmentStaffItemDto,
  ActionsDto,
  AttachedFileDto,
  ReleasedGradeDto,
  WindowDto,
} from './work/assignment.present.ts';
export {
  saveGrade,
  prepareFeedbackUpload,
  releaseReadyGrades,
  grantExtension,
  type SubmissionRef,
  type SavedGrade,
} from './grading/grade.commands.ts';
export {
  GRADE_ACTIONS,
  MAX_FEEDBACK_CHARS,
  gradeInputSchema,
  type GradeInput,
} from './grading/grade.schema.ts';
export { getGradingPage, type GradeVersionDto, type GradingPageDto } from './grading/grading-page.queries.ts';
export {
  getAssignmentWorkload,
  getStaffAssignments,
  type AssignmentWorkloadDto,
  type WorkloadRowDto,
  type WorkloadScope,
} from './grading/workload.queries.ts';
export {
  assignmentResults,
  loadAssignmentGrades,
  type AssignmentResult,
  type AssignmentColumnDto,
  type AssignmentCellDto,
  type AssignmentGrades,
} from './grading/assignment-grades.queries.ts';
export {
  getAssignmentsHome,
  getAssignmentsIndex,
  type AssignmentsHomeDto,
  type AssignmentsIndexDto,
} from './assignments-index.queries.ts';
