/** URLs of the assignment pages of one cohort (without the `/fr` prefix, which the web app adds). */
export interface AssignmentPaths {
  /** The learner's list of assignments; for staff, the list with the workload. */
  readonly list: string;
  assignment(key: string): string;
  autosave(key: string): string;
  /** Staff: the submissions of an assignment (workload, release all). */
  submissions(key: string): string;
  /** Staff: the grading page of one submission. */
  grade(key: string, submissionId: string): string;
  /** A file of a submission (or a feedback file), for download. */
  file(key: string, fileId: string): string;
  readonly gradebookXlsx: string;
}

/**
 * The URL scheme of the assignment pages; the web routes must match it:
 * `/cohorts/:id/assignments`, `/cohorts/:id/assignments/:key`, `/cohorts/:id/assignments/:key/autosave`,
 * `/cohorts/:id/assignments/:key/submissions`, `/cohorts/:id/assignments/:key/submissions/:submissionId`,
 * `/cohorts/:id/assignments/:key/files/:fileId`,
 * `/cohorts/:id/gradebook.xlsx`.
 * @example assignmentPaths('c1').grade('final', 's9') // '/cohorts/c1/assignments/final/submissions/s9'
 */
export function assignmentPaths(cohortId: string): AssignmentPaths {
  const cohort = `/cohorts/${encodeURIComponent(cohortId)}`;
  const list = `${cohort}/assignments`;
  const one = (key: string) => `${list}/${encodeURIComponent(key)}`;
  return {
    list,
    assignment: one,
    autosave: (key) => `${one(key)}/autosave`,
    submissions: (key) => `${one(key)}/submissions`,
    grade: (key, id) => `${one(key)}/submissions/${encodeURIComponent(id)}`,
    file: (key, id) => `${one(key)}/files/${encodeURIComponent(id)}`,
    gradebookXlsx: `${cohort}/gradebook.xlsx`,
  };
}
