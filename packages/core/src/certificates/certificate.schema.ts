import { z } from 'zod';
import { DomainValidationError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';

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

/**
 * Parses a certificate form with its schema; a refusal names what to fix (the reason first, then the email), so
 * the form says "give a reason" rather than "some fields are not valid".
 * @throws DomainValidationError `certificate.reason_required` / `certificate.email_invalid` / `validation.invalid`
 */
export function parseCertificateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error;
    const fields = { ...error.fields };
    if (fields.reason) throw new DomainValidationError(fields, 'certificate.reason_required');
    if (fields.email) throw new DomainValidationError(fields, 'certificate.email_invalid');
    throw error;
  }
}
