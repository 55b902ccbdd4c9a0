// Assignments: definitions per course, submissions, their history, grade versions and extensions.

/** A submission is a `draft` until it is handed in (`submitted`). */
export type SubmissionStatus = 'draft' | 'submitted';

/** The marking workflow of one grade version. */
export type GradeVersionState = 'in-progress' | 'ready' | 'released';

/** What someone did to a submission. */
export type SubmissionHistoryAction =
  'text-saved' | 'file-added' | 'file-removed' | 'submitted' | 'withdrawn' | 'attempt-started';

/** An assignment as defined in content for a course (JSON of the AssignmentDefinition). */
export interface AssignmentDefinitionTable {
  id: string;
  course_id: string;
  assignment_key: string;
  position: number;
  definition: string;
  content_hash: string;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One attempt of a learner (`owner_key` `user:<id>`) or a group (`group:<id>`) at an assignment in a cohort. */
export interface AssignmentSubmissionTable {
  id: string;
  assignment_id: string;
  cohort_id: string;
  owner_key: string;
  user_id: string | null;
  group_id: string | null;
  attempt: number;
  status: SubmissionStatus;
  body: string;
  word_count: number;
  version: number;
  grade_version: number;
  late: number;
  submitted_at: string | null;
  submitted_by: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

/** A file a learner (or a group member) attached to a submission. */
export interface AssignmentSubmissionFileTable {
  submission_id: string;
  file_id: string;
  added_by: string | null;
  added_at: string;
}

/** A file a tutor returned with a grade, visible from the released version that added it. */
export interface AssignmentFeedbackFileTable {
  submission_id: string;
  file_id: string;
  added_in_version: number;
  removed_in_version: number | null;
  added_by: string | null;
}

/** One entry of a submission's history: who did what, when. */
export interface AssignmentHistoryTable {
  id: string;
  submission_id: string;
  user_id: string | null;
  position: number;
  action: SubmissionHistoryAction;
  detail: string | null;
  at: string;
}

/** One saved version of a submission's grade (never changed, except its release; a regrade is a new version). */
export interface AssignmentGradeVersionTable {
  id: string;
  submission_id: string;
  version: number;
  state: GradeVersionState;
  marks: string;
  grade: number | null;
  feedback: string;
  saved_by: string | null;
  saved_at: string;
}

/** A due time moved for one learner or group. */
export interface AssignmentExtensionTable {
  assignment_id: string;
  cohort_id: string;
  owner_key: string;
  due_at: string;
  granted_by: string | null;
  granted_at: string;
}

/** The tables of assignments. */
export interface AssignmentsTables {
  assignment_definitions: AssignmentDefinitionTable;
  assignment_submissions: AssignmentSubmissionTable;
  assignment_submission_files: AssignmentSubmissionFileTable;
  assignment_feedback_files: AssignmentFeedbackFileTable;
  assignment_history: AssignmentHistoryTable;
  assignment_grade_versions: AssignmentGradeVersionTable;
  assignment_extensions: AssignmentExtensionTable;
}
