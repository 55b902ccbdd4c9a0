import { findCohortCertificate, listCertificatesOfCohort } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan, can } from '../access/can.ts';
import { loadCohortAccess } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import type { CertificateLocale } from './certificate-pdf.texts.ts';
import { claimEarnedCertificate } from './certificate.commands.ts';
import type { CertificateServices } from './certificate-services.ts';
import { certificateUrls, type CertificateUrls } from './certificate-urls.ts';
import type { CompletionState, MissingItem } from './completion.rules.ts';
import { loadCompletions } from './completion.queries.ts';

/** The learner's own standing toward the certificate, for the course home. */
export interface MyCompletionDto {
  readonly cohortId: string;
  readonly certificateName: string;
  readonly ruleText: string;
  readonly state: CompletionState;
  /** Exactly what is still missing, in order; empty once complete. */
  readonly missing: readonly MissingItem[];
  /** The certificate once issued (also when a manager issued it as an exception). */
  readonly certificate:
    (CertificateUrls & { readonly code: string; readonly revokedAt: string | null }) | null;
}

/**
 * The actor's completion in a cohort. When the rule is met and no certificate exists yet, it is issued now, so
 * the learner sees it the moment they complete.
 * @throws NotFoundError `cohort.not_found` / ForbiddenError unless a placed learner of the cohort
 */
export async function getMyCompletion(
  app: App,
  services: CertificateServices,
  actor: Actor,
  cohortId: string,
  locale: CertificateLocale,
): Promise<MyCompletionDto> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'completion.own', access, { hidden: 'cohort.not_found' });
  const { certificate, byUser } = await loadCompletions(
    app.db,
    cohort,
    [actor.userId],
    app.clock.now(),
    locale,
  );
  const completion = byUser.get(actor.userId)!;
  let row = await findCohortCertificate(app.db, cohortId, actor.userId);
  if (!row && completion.complete) {
    await claimEarnedCertificate(app, services, actor, cohortId);
    row = await findCohortCertificate(app.db, cohortId, actor.userId);
  }
  return {
    cohortId,
    certificateName: certificate.certificateName,
    ruleText: certificate.ruleText,
    state: completion.state,
    missing: completion.missing,
    certificate: row
      ? { code: row.code, revokedAt: row.revoked_at, ...certificateUrls(services.origin, row.code) }
      : null,
  };
}

/** One learner's line of the completion report. */
export interface CompletionReportRowDto {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly enrolmentStatus: string;
  readonly state: CompletionState;
  readonly missing: readonly MissingItem[];
  readonly certificate: {
    readonly id: string;
    readonly code: string;
    readonly issuedAt: string;
    readonly exception: boolean;
    readonly revokedAt: string | null;
  } | null;
}

/** The cohort completion report: who is on track, at risk, completed, and their certificates. */
export interface CompletionReportDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly certificateName: string;
  readonly counts: Readonly<Record<CompletionState, number>>;
  /** True when the viewer may issue exceptions and revoke (managers, site admins). */
  readonly canManage: boolean;
  readonly rows: readonly CompletionReportRowDto[];
}

/**
 * The completion report of a cohort for its tutors, managers and site admins (learners active or withdrawn, by name).
 * It counts grades as they are (staff view).
 * @throws NotFoundError `cohort.not_found` / ForbiddenError
 */
export async function getCompletionReport(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: CertificateLocale,
): Promise<CompletionReportDto> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'completion.report', access, { hidden: 'cohort.not_found' });
  const learners = await app.db
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['u.id', 'u.name', 'u.email', 'e.status'])
    .where('e.cohort_id', '=', cohortId)
    .where('e.role', '=', 'learner')
    .where('e.status', 'in', ['active', 'withdrawn'])
    .orderBy('u.name')
    .orderBy('u.email')
    .execute();
  const { certificate, byUser } = await loadCompletions(
    app.db,
    cohort,
    learners.map((l) => l.id),
    app.clock.now(),
    locale,
    'staff',
  );
  const certificates = new Map((await listCertificatesOfCohort(app.db, cohortId)).map((c) => [c.user_id, c]));
  const counts: Record<CompletionState, number> = { completed: 0, 'on-track': 0, 'at-risk': 0 };
  const rows = learners.map((l): CompletionReportRowDto => {
    const completion = byUser.get(l.id)!;
    const cert = certificates.get(l.id);
    // A certificate issued as an exception counts as completed: the report must not contradict the certificate.
    const state: CompletionState = cert && !cert.revoked_at ? 'completed' : completion.state;
    counts[state] += 1;
    return {
      userId: l.id,
      name: l.name,
      email: l.email,
      enrolmentStatus: l.status,
      state,
      missing: completion.missing,
      certificate: cert
        ? {
            id: cert.id,
            code: cert.code,
            issuedAt: cert.issued_at,
            exception: cert.issue_reason !== null,
            revokedAt: cert.revoked_at,
          }
        : null,
    };
  });
  return {
    cohortId,
    cohortTitle: cohort.title,
    certificateName: certificate.certificateName,
    counts,
    canManage: can(actor, 'certificate.issue', access),
    rows,
  };
}
