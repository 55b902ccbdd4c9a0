import { z } from 'zod';
import { ACCOUNT_LIMITS, emailField, profileSchema } from '../accounts/account.schema.ts';
import { ENROLMENT_ROLES } from '../access/membership.ts';
import { COHORT_LIMITS } from '../cohorts/cohort.schema.ts';
import { isListedTimeZone } from '../shared/time-zone.rules.ts';

/** Limits of the course-administration forms, shared by the forms and the commands. */
export const COURSE_ADMIN_LIMITS = {
  reasonMin: 3,
  reasonMax: 1000,
  csvMaxBytes: 1_000_000,
  csvMaxRows: 2000,
  searchMax: 100,
  peoplePageSize: 25,
  /** A link to choose a password (new accounts, links sent by an admin) is valid this long. */
  passwordLinkHours: 72,
} as const;

/** A checkbox: checked (`on`) or not (absent, empty). */
export const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal(''), z.boolean()])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true);

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));

/**
 * A `datetime-local` value (`YYYY-MM-DDTHH:MM`, the cohort's local time) or empty for "no limit"; null (already
 * parsed) passes through, so a parsed form can be given to the command again.
 */
const localDateTime = z.union([
  z.null(),
  z
    .string()
    .trim()
    .refine(
      (v) => v === '' || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}:00Z`))),
    )
    .transform((v) => (v === '' ? null : v)),
]);

/** Capacity: a whole number of places (typed, or a number already parsed), or empty / null for unlimited. */
const capacityField = z.union([
  z.number().int().min(1).max(COHORT_LIMITS.capacityMax).nullable(),
  z
    .string()
    .trim()
    .refine(
      (v) => v === '' || (/^\d{1,6}$/.test(v) && Number(v) >= 1 && Number(v) <= COHORT_LIMITS.capacityMax),
    )
    .transform((v) => (v === '' ? null : Number(v))),
]);

/**
 * The cohort settings form: title, dates (`YYYY-MM-DD`), time zone (from the IANA list), language, capacity (empty
 * = unlimited), enrolment window (local date and time in the cohort's zone, empty = no limit), waiting list,
 * approval and confirmed-address switches.
 */
export const cohortSettingsSchema = z
  .object({
    title: z.string().trim().min(1).max(COHORT_LIMITS.titleMax),
    startsOn: isoDate,
    endsOn: isoDate,
    timeZone: z.string().trim().refine(isListedTimeZone),
    language: z.enum(['en', 'fr']),
    capacity: capacityField,
    enrolOpensAt: localDateTime,
    enrolClosesAt: localDateTime,
    waitlistEnabled: checkbox,
    approvalRequired: checkbox,
    requireConfirmedEmail: checkbox,
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'must not be before the start date' })
  .refine((c) => !c.enrolOpensAt || !c.enrolClosesAt || c.enrolOpensAt < c.enrolClosesAt, {
    path: ['enrolClosesAt'],
    message: 'must be after the opening time',
  });
/** Cohort settings as the form sends them. */
export type CohortSettingsInput = z.input<typeof cohortSettingsSchema>;

/** A new cohort: the course it is an edition of, and its settings. */
export const newCohortSchema = z.intersection(
  z.object({ courseSlug: z.string().trim().min(1).max(200) }),
  cohortSettingsSchema,
);
/** A new cohort as the form sends it. */
export type NewCohortInput = z.input<typeof newCohortSchema>;

/** The role a person gets in a cohort. */
export const roleField = z.enum(ENROLMENT_ROLES);

/** Add one person by email: their role, and (to invite someone with no account) their name and the invite box. */
export const addPersonSchema = z.object({
  email: emailField,
  role: roleField,
  name: z.string().trim().max(ACCOUNT_LIMITS.nameMax).default(''),
  invite: checkbox,
});
/** The add-a-person form. */
export type AddPersonInput = z.input<typeof addPersonSchema>;

/** Approve or decline an application; a decline may say why (it goes to the applicant). */
export const decisionSchema = z.object({
  decision: z.enum(['approve', 'decline']),
  reason: z.string().trim().max(COURSE_ADMIN_LIMITS.reasonMax).default(''),
});
/** The decision form. */
export type DecisionInput = z.input<typeof decisionSchema>;

/** Change someone's role. */
export const changeRoleSchema = z.object({ role: roleField });

/** Withdraw someone: the reason is required (it goes to the person and into the audit log). */
export const removeSchema = z.object({
  reason: z.string().trim().min(COURSE_ADMIN_LIMITS.reasonMin).max(COURSE_ADMIN_LIMITS.reasonMax),
});
/** The withdraw form. */
export type RemoveInput = z.input<typeof removeSchema>;

/** Create an account: the profile fields and the email (the person chooses their password from a mailed link). */
export const createPersonSchema = profileSchema.extend({ email: emailField });
/** The create-account form. */
export type CreatePersonInput = z.input<typeof createPersonSchema>;

/** Search people by name or email, one page at a time. */
export const peopleSearchSchema = z.object({
  q: z.string().trim().max(COURSE_ADMIN_LIMITS.searchMax).default(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
/** The search form. */
export type PeopleSearchInput = z.input<typeof peopleSearchSchema>;

/** Grant or remove the site-admin role; removing one's own needs the confirmation box. */
export const siteAdminSchema = z.object({ admin: z.enum(['grant', 'remove']), confirm: checkbox });
/** The site-admin form. */
export type SiteAdminInput = z.input<typeof siteAdminSchema>;

/** The life-cycle moves of a cohort. */
export const cohortTransitionSchema = z.object({
  transition: z.enum(['close', 'reopen', 'archive', 'restore']),
});
/** A cohort life-cycle move. */
export type CohortTransition = z.output<typeof cohortTransitionSchema>['transition'];
