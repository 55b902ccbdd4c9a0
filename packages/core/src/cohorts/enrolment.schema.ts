import { z } from 'zod';

/** Limits of the enrolment form. */
export const ENROL_LIMITS = { motivationMax: 2000, expectationsMax: 2000 } as const;

/**
 * Enrolment form: the cohort and the profile answers. The learner's target-group profile (country,
 * organisation type, job title) is copied from their account by the command; the form adds free text.
 */
export const enrolSchema = z.object({
  cohortId: z.string().trim().min(1).max(64),
  answers: z
    .object({
      motivation: z.string().trim().max(ENROL_LIMITS.motivationMax).default(''),
      expectations: z.string().trim().max(ENROL_LIMITS.expectationsMax).default(''),
    })
    .default({ motivation: '', expectations: '' }),
});
/** Parsed enrolment input. */
export type EnrolInput = z.input<typeof enrolSchema>;
