import { z } from 'zod';

/** Limits of the certificate forms (the web forms and the CLI use the same). */
export const CERTIFICATE_LIMITS = { reasonMin: 5, reasonMax: 500 } as const;

const reason = z
  .string()
  .trim()
  .min(CERTIFICATE_LIMITS.reasonMin, 'certificate.reason_required')
  .max(CERTIFICATE_LIMITS.reasonMax);

/** A manager's exception: issue a certificate to one learner of a cohort, with a reason. */
export const issueExceptionSchema = z.object({
  cohortId: z.string().trim().min(1).max(64),
  email: z.string().trim().toLowerCase().email().max(254),
  reason,
});

/** Revoke a certificate, with a reason. */
export const revokeSchema = z.object({
  certificateId: z.string().trim().min(1).max(64),
  reason,
});

export type IssueExceptionInput = z.input<typeof issueExceptionSchema>;
export type RevokeInput = z.input<typeof revokeSchema>;
