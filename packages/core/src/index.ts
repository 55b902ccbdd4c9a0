/**
 * @labmig/core — the campus domain: configuration, accounts and sessions, mail, catalogue and course
 * pages, cohorts and enrolment, rosters, admin outbox, content import, policies and domain errors.
 * The contract with apps/web is documented in packages/core/README.md.
 */

// Configuration & lifetime
export { loadConfig, findRepoRoot, ConfigError, type Config, type LogLevel } from './config/config.ts';
export { openApp, MigrationError, type App, type AppDeps } from './app/app.ts';
export { systemClock, fixedClock, type Clock } from './app/clock.ts';
export { createLogger, type Logger } from './app/logger.ts';
export { createMemoryMailer, type Mailer, type MailMessage } from './mail/mailer.ts';
export { createSmtpMailer } from './mail/smtp-mailer.ts';
export { createOutboxMailer } from './mail/outbox-mailer.ts';

// Errors
export {
  DomainError,
  NotFoundError,
  ForbiddenError,
  UnauthenticatedError,
  ConflictError,
  DomainValidationError,
  RateLimitedError,
  isDomainError,
} from './errors/domain-errors.ts';
export { ERROR_MESSAGES, errorMessage, type ErrorCode, type Locale } from './errors/error-messages.ts';

// Actors, accounts and sessions
export { SESSION_COOKIE, ANONYMOUS, type Actor, type UserActor } from './accounts/actor.ts';
export { signUp, createUser, getProfile, updateProfile } from './accounts/account.commands.ts';
export { signIn, signOut, resolveSession, type SessionGrant } from './accounts/session.commands.ts';
export { requestPasswordReset, resetPassword } from './accounts/password-reset.commands.ts';
export { presentUser, type UserDto, type ProfileDto } from './accounts/user.present.ts';
export {
  ORGANISATION_TYPES,
  ORGANISATION_TYPE_LABELS,
  type OrganisationType,
} from './accounts/organisation-types.ts';
export { COUNTRIES } from './accounts/countries.data.ts';
export { LOGIN_LIMIT, RESET_MAX_PER_HOUR, RESET_TTL_MINUTES } from './accounts/session.rules.ts';

// Validation schemas (zod 4): the forms parse with these; commands use the same limits
export {
  signUpSchema,
  signInSchema,
  resetRequestSchema,
  resetSchema,
  profileSchema,
  ACCOUNT_LIMITS,
  type SignUpInput,
  type SignInInput,
  type ResetRequestInput,
  type ResetInput,
  type ProfileInput,
} from './accounts/account.schema.ts';
export { enrolSchema, ENROL_LIMITS, type EnrolInput } from './cohorts/enrolment.schema.ts';
export { cohortSchema, COHORT_LIMITS, type CohortInput } from './cohorts/cohort.schema.ts';

// Catalogue, course page, cohorts, enrolment
export { listCatalogue, getCoursePage } from './catalogue/catalogue.queries.ts';
export type {
  CatalogueItemDto,
  CoursePageDto,
  ModuleSummaryDto,
  CourseOverview,
} from './catalogue/course.present.ts';
export type {
  CohortDto,
  EnrolWindowState,
  EnrolmentRole,
  EnrolmentStatus,
} from './cohorts/cohort.present.ts';
export { enrol, withdraw } from './cohorts/enrolment.commands.ts';
export { createCohort, enrolUser } from './cohorts/cohort.commands.ts';
export { listMyCourses, type MyCourseDto } from './cohorts/my-courses.queries.ts';
export { getRoster, type RosterDto, type RosterEntryDto } from './cohorts/roster.queries.ts';
export { rosterToCsv, csvField } from './cohorts/roster-csv.ts';
export type { CohortPhase } from './cohorts/cohort-calendar.rules.ts';

// Policies
export { can, type PolicyAction, type PolicyResource } from './policy.ts';

// Admin
export { listOutbox, type OutboxItemDto } from './admin/outbox.queries.ts';

// Content import
export { importContent, type ImportResult, type ImportedCourse } from './importer/content-import.commands.ts';
export { editionCohortId } from './importer/edition-cohorts.ts';
export {
  checkContent,
  formatContentError,
  loadCourse,
  type ContentError,
  type ContentCheckReport,
} from './content/index.ts';

// Learning: schedule, progress, lesson/module/slide/glossary pages, calendar feed, offline packs
export * from './learning/index.ts';

// Platform services (each folder has its own door and README): jobs, live events, file storage
export * from './jobs/index.ts';
export { JOB_CATALOGUE } from './job-catalogue.ts';
export * from './workers/index.ts';
export * from './events/index.ts';
export * from './storage/index.ts';
export * from './files/index.ts';

// Observatory reference data (ILO global estimates, sources, ISO 3166 / M49 countries)
export * from './observatory/index.ts';
