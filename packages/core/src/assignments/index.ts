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
