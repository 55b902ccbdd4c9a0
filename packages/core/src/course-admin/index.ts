/**
 * `@labmig/core/course-admin` — a course team runs the course from the browser: cohorts (create, settings, close,
 * archive, the list with counts), enrolments (add by email or CSV list, approve or decline applications, change
 * roles, move from the waiting list, withdraw with a reason) and people (search, create, password links,
 * deactivate, site admin). Site admins do everything; a cohort's managers run their own cohort. Every change is
 * audited in its transaction and mails the person it is about.
 */
export {
  cohortSettingsSchema,
  newCohortSchema,
  addPersonSchema,
  decisionSchema,
  changeRoleSchema,
  removeSchema,
  createPersonSchema,
  peopleSearchSchema,
  siteAdminSchema,
  cohortTransitionSchema,
  COURSE_ADMIN_LIMITS,
  type CohortSettingsInput,
  type NewCohortInput,
  type AddPersonInput,
  type DecisionInput,
  type RemoveInput,
  type CreatePersonInput,
  type PeopleSearchInput,
  type SiteAdminInput,
  type CohortTransition,
} from './course-admin.schema.ts';
export { getAdminHome, hasAdministration, type AdminHomeDto } from './admin-home.queries.ts';
export {
  listAdminCohorts,
  getCohortAdmin,
  assertCohortAdministration,
  getEnrolmentAdmin,
  listCourseChoices,
  listAuditCohortChoices,
} from './cohort-admin.queries.ts';
export type { CohortAdminDto, CohortListItemDto, EnrolmentAdminDto } from './course-admin.present.ts';
export { createCohortAsAdmin, updateCohortSettings, changeCohortState } from './cohort-settings.commands.ts';
export {
  addPersonByEmail,
  decideApplication,
  changeRole,
  promoteFromWaitingList,
  removeFromCohort,
  type PlaceOutcome,
} from './enrolment-admin.commands.ts';
export {
  importEnrolmentList,
  type ImportReport,
  type ImportRowReport,
  type ImportProblem,
} from './enrolment-import.commands.ts';
export {
  searchPeople,
  getPerson,
  type PeoplePageDto,
  type PersonDto,
  type PersonListItemDto,
} from './people.queries.ts';
export { createPerson, sendPasswordLink, setAccountActive, setSiteAdmin } from './people.commands.ts';
export { listTimeZones } from '../shared/time-zone.rules.ts';
