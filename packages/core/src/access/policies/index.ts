import { adminPolicy } from './admin.policy.ts';
import { assessmentPolicy } from './assessment.policy.ts';
import { assignmentsPolicy } from './assignments.policy.ts';
import { certificatesPolicy } from './certificates.policy.ts';
import { cohortPolicy } from './cohort.policy.ts';
import { forumsPolicy } from './forums.policy.ts';
import { groupsPolicy } from './groups.policy.ts';
import { courseAdminPolicy } from './course-admin.policy.ts';
import { labExercisesPolicy } from './lab-exercises.policy.ts';
import { labPolicy } from './lab.policy.ts';
import { learningPolicy } from './learning.policy.ts';
import { supportPolicy } from './support.policy.ts';
import { observatoryPolicy } from './observatory.policy.ts';

/**
 * Every feature's policy, by feature. A new feature adds `<feature>.policy.ts` (its actions, named
 * `<feature>.<verb>`, each a pure rule over the actor and a resource) with its table of cases in
 * `<feature>.policy.test.ts`, and one line here. `can.test.ts` refuses an action defined twice.
 */
export const POLICIES_BY_FEATURE = {
  admin: adminPolicy,
  cohorts: cohortPolicy,
  learning: learningPolicy,
  assessment: assessmentPolicy,
  groups: groupsPolicy,
  forums: forumsPolicy,
  assignments: assignmentsPolicy,
  certificates: certificatesPolicy,
  courseAdmin: courseAdminPolicy,
  support: supportPolicy,
  labExercises: labExercisesPolicy,
  observatory: observatoryPolicy,
  lab: labPolicy,
} as const;

/** Every action of every feature with its rule. */
export const POLICIES = {
  ...adminPolicy,
  ...cohortPolicy,
  ...learningPolicy,
  ...assessmentPolicy,
  ...groupsPolicy,
  ...forumsPolicy,
  ...assignmentsPolicy,
  ...certificatesPolicy,
  ...courseAdminPolicy,
  ...supportPolicy,
  ...labExercisesPolicy,
  ...observatoryPolicy,
  ...labPolicy,
};
