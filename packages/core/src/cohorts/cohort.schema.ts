import { z } from 'zod';
import { isListedTimeZone } from '../shared/time-zone.rules.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'not a real date');
const instant = z
  .string()
  .refine((d) => !Number.isNaN(Date.parse(d)), 'expected an ISO-8601 date and time')
  .transform((d) => new Date(d).toISOString());

/** Limits of cohorts. */
export const COHORT_LIMITS = { titleMax: 200, capacityMax: 100_000 } as const;

/** Input of `createCohort` (CLI and later the manager UI). */
export const cohortSchema = z
  .object({
    courseSlug: z.string().trim().min(1),
    title: z.string().trim().min(1).max(COHORT_LIMITS.titleMax).optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    timeZone: z.string().trim().refine(isListedTimeZone, 'unknown time zone').default('UTC'),
    language: z.enum(['en', 'fr']).default('en'),
    capacity: z.number().int().min(1).max(COHORT_LIMITS.capacityMax).nullable().default(null),
    waitlistEnabled: z.boolean().default(true),
    approvalRequired: z.boolean().default(false),
    /** Learners must have confirmed their email address to enrol themselves (on unless turned off). */
    requireConfirmedEmail: z.boolean().default(true),
    enrolOpensAt: instant.nullable().default(null),
    enrolClosesAt: instant.nullable().default(null),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'must not be before the start date' })
  .refine((c) => !c.enrolOpensAt || !c.enrolClosesAt || c.enrolOpensAt < c.enrolClosesAt, {
    path: ['enrolClosesAt'],
    message: 'must be after the opening time',
  });
/** Input of createCohort before defaults. */
export type CohortInput = z.input<typeof cohortSchema>;
