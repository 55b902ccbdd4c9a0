import { describe, expect, it } from 'vitest';
import { buildEnrolment, buildUser, forEachDialect } from '@labmig/db/testing';
import { insertGradeOverride, newId } from '@labmig/db';
import { buildAssessmentWorld } from '../assessment/attempt/assessment-world.testing.ts';
import type { Actor } from '../access/actor.ts';
import {
  checkCertificateCode,
  getCertificatePdf,
  getCredentialText,
  getStatusListText,
  listMyCertificates,
} from './certificate.queries.ts';
import {
  claimEarnedCertificate,
  issueCertificateException,
  issueEarnedCertificates,
  revokeCertificate,
} from './certificate.commands.ts';
import { createCertificateServices } from './certificate-services.ts';
import { getCompletionReport, getMyCompletion } from './completion-view.queries.ts';
import { completionReportToCsv } from './completion-report-csv.ts';
import { createMemoryKeyStore } from './issuer-keys.ts';
import { pdfText } from './pdf-text.testing.ts';

type World = Awaited<ReturnType<typeof buildAssessmentWorld>>;

/** The world's course with a rule that asks for the weekly assessments only (the world has no assignments). */
async function worldWithRule(
  ctx: Parameters<Parameters<typeof forEachDialect>[0]>[0],
  finalAssignment = false,
) {
  const world = await buildAssessmentWorld(ctx);
  const definition = JSON.parse(world.course.definition) as Record<string, unknown>;
  definition.assessment = {
    certificate: {
      name: 'Certificate of Achievement',
      rule: 'All weekly assessments passed.',
      requires: { weeklyAssessments: 'all', finalAssignment },
    },
  };
  await ctx.db
    .updateTable('courses')
    .set({ definition: JSON.stringify(definition) })
    .where('id', '=', world.course.id)
    .execute();
  const services = createCertificateServices(world.app, { keyStore: createMemoryKeyStore(world.app.clock) });
  const manager = await buildUser(ctx.db, { name: 'Mia Manager' });
  await buildEnrolment(ctx.db, { cohort_id: world.cohort.id, user_id: manager.id, role: 'manager' });
  const managerActor: Actor = {
    kind: 'user',
    userId: manager.id,
    name: manager.name,
    email: manager.email,
    locale: 'en',
    isAdmin: false,
  };
  return { ...world, services, manager: managerActor };
}

async function passAll(world: World, learner: Actor & { kind: 'user' }) {
  for (const quiz of world.quizzes)
    await insertGradeOverride(world.app.db, {
      id: newId(),
      quiz_id: quiz.id,
      user_id: learner.userId,
      grade: 90,
      reason: 'passed in the test',
      created_by: world.tutor.kind === 'user' ? world.tutor.userId : '',
      created_at: world.app.clock.now().toISOString(),
    });
}

const user = (a: Actor) => a as Actor & { kind: 'user' };

forEachDialect((ctx) => {
  describe('certificate issuance', () => {
    it('shows exactly what is missing, then issues the certificate once the rule is met', async () => {
      const world = await worldWithRule(ctx);
      const before = await getMyCompletion(world.app, world.services, world.ana, world.cohort.id, 'en');
      expect(before.state).toBe('on-track');
      expect(before.missing.map((m) => (m.kind === 'quiz' ? m.title : m.kind))).toEqual(['Week 1', 'Week 2']);
      expect(before.certificate).toBeNull();
      await passAll(world, user(world.ana));
      const after = await getMyCompletion(world.app, world.services, world.ana, world.cohort.id, 'en');
      expect(after.state).toBe('completed');
      expect(after.missing).toEqual([]);
      expect(after.certificate?.code).toMatch(/^LM-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(after.certificate?.verifyUrl).toBe(`http://127.0.0.1:3000/verify/${after.certificate?.code}`);
    });

    it('with the default rule, nobody completes a course without a final assignment', async () => {
      const world = await worldWithRule(ctx, true);
      await passAll(world, user(world.ana));
      const completion = await getMyCompletion(world.app, world.services, world.ana, world.cohort.id, 'en');
      expect(completion.state).toBe('at-risk');
      expect(completion.missing).toEqual([{ kind: 'no-final-assignment' }]);
      expect(completion.certificate).toBeNull();
    });

    it('never issues twice, however many issuers race (job, page loads) for one learner', async () => {
      const world = await worldWithRule(ctx);
      await passAll(world, user(world.ana));
      const results = await Promise.all([
        issueEarnedCertificates(world.app, world.services, world.cohort.id),
        claimEarnedCertificate(world.app, world.services, world.ana, world.cohort.id),
        issueEarnedCertificates(world.app, world.services, world.cohort.id),
        claimEarnedCertificate(world.app, world.services, world.ana, world.cohort.id),
        claimEarnedCertificate(world.app, world.services, world.ana, world.cohort.id),
      ]);
      const rows = await ctx.db.selectFrom('certificates').selectAll().execute();
      expect(rows).toHaveLength(1);
      const codes = new Set(results.filter((r) => typeof r === 'object' && r !== null).map((r) => r!.code));
      expect(codes).toEqual(new Set([rows[0]!.code]));
      // Exactly one of the racers created it; the others found it.
      const created = results.reduce<number>(
        (n, r) => n + (typeof r === 'number' ? r : r?.created ? 1 : 0),
        0,
      );
      expect(created).toBe(1);
    });

    it('gives learners who complete at the same moment distinct codes and status-list slots', async () => {
      const world = await worldWithRule(ctx);
      await passAll(world, user(world.ana));
      await passAll(world, user(world.ben));
      await Promise.all([
        claimEarnedCertificate(world.app, world.services, world.ana, world.cohort.id),
        claimEarnedCertificate(world.app, world.services, world.ben, world.cohort.id),
        issueEarnedCertificates(world.app, world.services, world.cohort.id),
      ]);
      const rows = await ctx.db
        .selectFrom('certificates')
        .select(['code', 'sequence', 'status_index'])
        .execute();
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((r) => r.code)).size).toBe(2);
      expect(new Set(rows.map((r) => r.status_index)).size).toBe(2);
    });

    it('stores the credential exactly as signed, and it verifies; the code check says valid', async () => {
      const world = await worldWithRule(ctx);
      await passAll(world, user(world.ana));
      const issued = (await claimEarnedCertificate(world.app, world.services, world.ana, world.cohort.id))!;
      const text = await getCredentialText(world.app, issued.code);
      const statusList = await getStatusListText(world.app, world.services, 1);
      const result = await world.services.issuer.verify(text, [statusList]);
      expect(result).toMatchObject({ verified: true, code: 'valid', revocation: 'active' });
      expect(JSON.parse(text).credentialSubject.name).toBe('ana');
      const check = await checkCertificateCode(world.app, world.services, issued.code.toLowerCase());
      expect(check).toMatchObject({
        state: 'valid',
        code: issued.code,
        recipientName: 'ana',
        revokedAt: null,
      });
    });

    it('a manager revokes with a reason: the page says revoked with the date, the status list flips', async () => {
      const world = await worldWithRule(ctx);
      await passAll(world, user(world.ana));
      const issued = (await claimEarnedCertificate(world.app, world.services, world.ana, world.cohort.id))!;
      world.app.clock.advance(86_400_000);
      await expect(
        revokeCertificate(world.app, world.services, world.tutor, {
          certificateId: issued.id,
          reason: 'plagiarism found',
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        revokeCertificate(world.app, world.services, world.manager, {
          certificateId: issued.id,
          reason: 'no',
        }),
      ).rejects.toMatchObject({ kind: 'invalid' });
      const revoked = await revokeCertificate(world.app, world.services, world.manager, {
        certificateId: issued.id,
        reason: 'Plagiarism in the final assignment',
      });
      expect(revoked.revokedAt).toBe('2026-03-04T09:00:00.000Z');
      expect(await checkCertificateCode(world.app, world.services, issued.code)).toMatchObject({
        state: 'revoked',
        revokedAt: '2026-03-04T09:00:00.000Z',
      });
      const text = await getCredentialText(world.app, issued.code);
      const result = await world.services.issuer.verify(text, [
        await getStatusListText(world.app, world.services, 1),
      ]);
      expect(result).toMatchObject({ verified: false, code: 'revoked' });
      await expect(
        revokeCertificate(world.app, world.services, world.manager, {
          certificateId: issued.id,
          reason: 'again, twice',
        }),
      ).rejects.toMatchObject({ code: 'certificate.already_revoked' });
      // Revoked stays revoked: the learner is not given a new certificate for the same cohort.
      expect(await issueEarnedCertificates(world.app, world.services, world.cohort.id)).toBe(0);
      expect(await ctx.db.selectFrom('certificates').select('id').execute()).toHaveLength(1);
    });

    it('answers unknown and malformed codes without a lookup error', async () => {
      const world = await worldWithRule(ctx);
      expect(await checkCertificateCode(world.app, world.services, 'LM-2026-7K3Q-9XP2')).toMatchObject({
        state: expect.stringMatching(/unknown|malformed/),
      });
      expect(await checkCertificateCode(world.app, world.services, 'hello')).toEqual({
        state: 'malformed',
        problem: 'format',
        typed: 'hello',
      });
      expect(
        await checkCertificateCode(world.app, world.services, "'; drop table certificates; --"),
      ).toMatchObject({
        state: 'malformed',
      });
      await expect(getCredentialText(world.app, 'LM-2026-0000-0000')).rejects.toMatchObject({
        code: 'certificate.not_found',
      });
      await expect(getStatusListText(world.app, world.services, 1)).rejects.toMatchObject({
        code: 'certificate.not_found',
      });
    });

    it('a manager issues an exception with a reason, once; tutors and learners may not', async () => {
      const world = await worldWithRule(ctx);
      const ben = user(world.ben);
      const input = {
        cohortId: world.cohort.id,
        email: ben.email,
        reason: 'Medical leave; work assessed by hand',
      };
      await expect(
        issueCertificateException(world.app, world.services, world.tutor, input),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        issueCertificateException(world.app, world.services, world.ana, input),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        issueCertificateException(world.app, world.services, world.manager, {
          ...input,
          email: 'nobody@example.org',
        }),
      ).rejects.toMatchObject({ code: 'certificate.user_not_found' });
      await expect(
        issueCertificateException(world.app, world.services, world.manager, { ...input, reason: '' }),
      ).rejects.toMatchObject({ kind: 'invalid' });
      const issued = await issueCertificateException(world.app, world.services, world.manager, input);
      const row = await ctx.db
        .selectFrom('certificates')
        .selectAll()
        .where('id', '=', issued.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        user_id: ben.userId,
        issued_by: user(world.manager).userId,
        issue_reason: input.reason,
      });
      await expect(
        issueCertificateException(world.app, world.services, world.manager, input),
      ).rejects.toMatchObject({
        code: 'certificate.already_issued',
      });
      const report = await getCompletionReport(world.app, world.tutor, world.cohort.id, 'en');
      expect(report.counts).toEqual({ completed: 1, 'on-track': 1, 'at-risk': 0 });
      const csv = completionReportToCsv(report);
      expect(csv.split('\r\n')[0]).toBe(
        '\uFEFFname,email,enrolment_status,state,missing,certificate_code,issued_at,issued_as_exception,revoked_at',
      );
      expect(csv).toContain(`${ben.email},active,completed,,${issued.code},2026-03-03T09:00:00.000Z,yes,`);
      expect(csv).toContain(`${user(world.ana).email},active,on-track,"Week 1 (to-do); Week 2 (not-open)"`);
      await expect(getCompletionReport(world.app, world.ana, world.cohort.id, 'en')).rejects.toMatchObject({
        code: 'forbidden',
      });
    });

    it('lets the owner and staff download the PDF, with the name as text; others get not found', async () => {
      const world = await worldWithRule(ctx);
      await passAll(world, user(world.ana));
      const issued = (await claimEarnedCertificate(world.app, world.services, world.ana, world.cohort.id))!;
      const own = await getCertificatePdf(world.app, world.services, world.ana, issued.code, 'fr');
      expect(own.fileName).toBe(`${issued.code}.pdf`);
      const text = pdfText(own.pdf);
      expect(text).toContain('Certificat de réussite');
      expect(text).toContain(issued.code);
      await expect(
        getCertificatePdf(world.app, world.services, world.tutor, issued.code, 'en'),
      ).resolves.toBeDefined();
      await expect(
        getCertificatePdf(world.app, world.services, world.ben, issued.code, 'en'),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        getCertificatePdf(world.app, world.services, world.outsider, issued.code, 'en'),
      ).rejects.toMatchObject({
        code: 'certificate.not_found',
      });
      await expect(
        getCertificatePdf(world.app, world.services, { kind: 'anonymous' }, issued.code, 'en'),
      ).rejects.toMatchObject({ kind: 'unauthenticated' });
      expect((await listMyCertificates(world.app, world.services, world.ana)).map((c) => c.code)).toEqual([
        issued.code,
      ]);
      expect(await listMyCertificates(world.app, world.services, world.ben)).toEqual([]);
    });
  });
});
