import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import { buildEnrolment, buildUser, forEachDialect } from '@labmig/db/testing';
import { insertGradeOverride, newId, upsertProgramme } from '@labmig/db';
import { buildAssessmentWorld } from '../assessment/attempt/assessment-world.testing.ts';
import type { Actor } from '../access/actor.ts';
import type { Programme } from '../content/programme.types.ts';
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
  revokeCertificate,
} from './certificate.commands.ts';
import { createCertificateServices } from './certificate-services.ts';
import { issueAllEarnedDiplomas, issueEarnedDiplomas } from './diploma.commands.ts';
import { createDocumentLoader } from './document-loader.ts';
import { createMemoryKeyStore } from './issuer-keys.ts';
import { pdfText } from './pdf-text.testing.ts';
import {
  getMyProgrammeRecord,
  getProgrammePublic,
  listDiplomas,
  listMyProgrammeRecords,
} from './programme-record.queries.ts';

type Ctx = Parameters<Parameters<typeof forEachDialect>[0]>[0];
type UserActor = Actor & { kind: 'user' };

const PROGRAMME = 'test-diploma';

/** The world's course (rule: the weekly assessments only), a manager, an admin, and a programme over the course. */
async function world(ctx: Ctx, programme: { electives: number; withOfferedElective?: boolean }) {
  const w = await buildAssessmentWorld(ctx);
  const definition = JSON.parse(w.course.definition) as Record<string, unknown>;
  definition.title = 'Measuring Things';
  definition.assessment = {
    certificate: {
      name: 'Certificate of Achievement',
      rule: 'All weekly assessments passed.',
      requires: { weeklyAssessments: 'all', finalAssignment: false },
    },
  };
  await ctx.db
    .updateTable('courses')
    .set({ definition: JSON.stringify(definition) })
    .where('id', '=', w.course.id)
    .execute();
  const def: Programme = {
    slug: PROGRAMME,
    title: 'Test Diploma in Measuring',
    summary: 'A diploma for the tests.',
    note: null,
    fr: { title: 'Diplôme d’essai', summary: 'Un diplôme pour les tests.', note: null },
    courses: [
      { key: w.course.slug, role: 'required', offered: true },
      { key: 'later-course', role: 'elective', offered: false, title: 'A later course', frTitle: null },
    ],
    electivesNeeded: programme.electives,
  };
  const now = w.app.clock.now().toISOString();
  await upsertProgramme(ctx.db, {
    slug: PROGRAMME,
    title: def.title,
    content_hash: 'h1',
    definition: JSON.stringify(def),
    created_at: now,
    updated_at: now,
  });
  const services = createCertificateServices(w.app, { keyStore: createMemoryKeyStore(w.app.clock) });
  const mk = async (name: string, isAdmin: boolean): Promise<UserActor> => {
    const u = await buildUser(ctx.db, { name, is_admin: isAdmin ? 1 : 0 });
    return { kind: 'user', userId: u.id, name: u.name, email: u.email, locale: 'en', isAdmin };
  };
  const manager = await mk('Mia Manager', false);
  await buildEnrolment(ctx.db, { cohort_id: w.cohort.id, user_id: manager.userId, role: 'manager' });
  const admin = await mk('Ada Admin', true);
  return { ...w, services, manager, admin, ana: w.ana as UserActor };
}

type World = Awaited<ReturnType<typeof world>>;

async function passAll(w: World, learner: UserActor) {
  for (const quiz of w.quizzes)
    await insertGradeOverride(w.app.db, {
      id: newId(),
      quiz_id: quiz.id,
      user_id: learner.userId,
      grade: 90,
      reason: 'passed in the test',
      created_by: (w.tutor as UserActor).userId,
      created_at: w.app.clock.now().toISOString(),
    });
}

const diplomas = (ctx: Ctx) =>
  ctx.db.selectFrom('certificates').selectAll().where('kind', '=', 'diploma').execute();

forEachDialect((ctx) => {
  describe('the Diploma', () => {
    it('is issued with the certificate that completes the programme, and the record shows the course earned', async () => {
      const w = await world(ctx, { electives: 0 });
      const before = await getMyProgrammeRecord(w.app, w.services, w.ana, PROGRAMME, 'en');
      expect(before).toMatchObject({ met: false, requiredEarned: 0, requiredTotal: 1, diploma: null });
      expect(before.courses.map((c) => [c.title, c.role, c.state])).toEqual([
        ['Measuring Things', 'required', 'pending'],
        ['A later course', 'elective', 'not-offered'],
      ]);
      await passAll(w, w.ana);
      const certificate = (await claimEarnedCertificate(w.app, w.services, w.ana, w.cohort.id))!;
      // Issued at once with the certificate, not on the next page load.
      const rows = await diplomas(ctx);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        user_id: w.ana.userId,
        programme_slug: PROGRAMME,
        cohort_id: null,
        recipient_name: 'ana',
        revoked_at: null,
      });
      const record = await getMyProgrammeRecord(w.app, w.services, w.ana, PROGRAMME, 'en');
      expect(record).toMatchObject({ met: true, requiredEarned: 1, blocked: false });
      expect(record.courses[0]).toMatchObject({ state: 'earned', certificate: { code: certificate.code } });
      expect(record.diploma?.code).toBe(rows[0]!.code);
      expect(record.diploma?.verifyUrl).toBe(`http://127.0.0.1:3000/verify/${rows[0]!.code}`);
      // "My certificates" lists both, the diploma marked as one.
      const mine = await listMyCertificates(w.app, w.services, w.ana);
      expect(mine.map((c) => [c.kind, c.code]).sort()).toEqual(
        [
          ['certificate', certificate.code],
          ['diploma', rows[0]!.code],
        ].sort(),
      );
      expect(mine.find((c) => c.kind === 'diploma')).toMatchObject({
        achievementName: 'Test Diploma in Measuring',
        programmeSlug: PROGRAMME,
      });
    });

    it('is a signed Open Badges credential of its own achievement that Digital Bazaar’s verifier accepts', async () => {
      const w = await world(ctx, { electives: 0 });
      await passAll(w, w.ana);
      await claimEarnedCertificate(w.app, w.services, w.ana, w.cohort.id);
      const [row] = await diplomas(ctx);
      const text = await getCredentialText(w.app, row!.code);
      expect(text).toBe(row!.credential);
      const credential = JSON.parse(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON
      expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(credential.credentialSubject.achievement).toMatchObject({
        id: `http://127.0.0.1:3000/programmes/${PROGRAMME}/diploma`,
        type: ['Achievement'],
        achievementType: 'Diploma',
        name: 'Test Diploma in Measuring',
        description: 'A diploma for the tests.',
        criteria: {
          narrative:
            'Awarded when the learner holds a valid Certificate of Achievement of every required course (“Measuring Things”).',
        },
      });
      expect(credential.credentialStatus.statusPurpose).toBe('revocation');
      const didDocument = await w.services.issuer.didDocument();
      const result = await vc.verifyCredential({
        credential,
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: createDocumentLoader({ didDocuments: [didDocument as never] }),
        now: w.app.clock.now(),
        checkStatus: async () => ({ verified: true }),
      });
      expect(result.verified).toBe(true);
      const ours = await w.services.issuer.verify(text, [
        await getStatusListText(w.app, w.services, row!.status_list),
      ]);
      expect(ours).toMatchObject({ verified: true, code: 'valid', revocation: 'active' });
      // One field changed: Digital Bazaar's verifier refuses it.
      credential.credentialSubject.achievement.name = 'Doctorate in Measuring';
      const tampered = await vc.verifyCredential({
        credential,
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: createDocumentLoader({ didDocuments: [didDocument as never] }),
        now: w.app.clock.now(),
        checkStatus: async () => ({ verified: true }),
      });
      expect(tampered.verified).toBe(false);
    });

    it('prints the programme and the course that earned it, in French too; only its owner and admins get it', async () => {
      const w = await world(ctx, { electives: 0 });
      await passAll(w, w.ana);
      await claimEarnedCertificate(w.app, w.services, w.ana, w.cohort.id);
      const [row] = await diplomas(ctx);
      const en = pdfText((await getCertificatePdf(w.app, w.services, w.ana, row!.code, 'en')).pdf);
      expect(en).toContain('Diploma');
      expect(en).toContain('Test Diploma in Measuring');
      expect(en).toContain('Measuring Things');
      expect(en).toContain(row!.code);
      const fr = pdfText((await getCertificatePdf(w.app, w.services, w.admin, row!.code, 'fr')).pdf);
      expect(fr).toContain('Diplôme d’essai');
      for (const other of [w.ben, w.manager, w.tutor])
        await expect(getCertificatePdf(w.app, w.services, other, row!.code, 'en')).rejects.toMatchObject({
          code: 'certificate.not_found',
        });
    });

    it('is never issued twice, whoever races for it (the certificate hook, the job, page loads)', async () => {
      const w = await world(ctx, { electives: 0 });
      await passAll(w, w.ana);
      await Promise.all([
        claimEarnedCertificate(w.app, w.services, w.ana, w.cohort.id),
        issueEarnedDiplomas(w.app, w.services, w.ana.userId),
        issueAllEarnedDiplomas(w.app, w.services),
        listMyProgrammeRecords(w.app, w.services, w.ana, 'en'),
        issueEarnedDiplomas(w.app, w.services, w.ana.userId),
      ]);
      await issueAllEarnedDiplomas(w.app, w.services);
      expect(await diplomas(ctx)).toHaveLength(1);
      expect(await issueEarnedDiplomas(w.app, w.services, w.ana.userId)).toEqual([]);
    });

    it('is not issued while an elective is missing; the record says what is missing and that it is not offered here', async () => {
      const w = await world(ctx, { electives: 1 });
      await passAll(w, w.ana);
      await claimEarnedCertificate(w.app, w.services, w.ana, w.cohort.id);
      expect(await issueAllEarnedDiplomas(w.app, w.services)).toBe(0);
      expect(await diplomas(ctx)).toHaveLength(0);
      const [record] = await listMyProgrammeRecords(w.app, w.services, w.ana, 'en');
      expect(record).toMatchObject({
        met: false,
        blocked: true,
        requiredEarned: 1,
        electivesNeeded: 1,
        electivesMissing: 1,
        diploma: null,
      });
      expect(record!.courses.map((c) => c.state)).toEqual(['earned', 'not-offered']);
    });

    it('the job issues a diploma whose programme arrived after the certificate', async () => {
      const w = await world(ctx, { electives: 0 });
      const saved = await ctx.db.selectFrom('programmes').selectAll().execute();
      await ctx.db.deleteFrom('programmes').execute();
      await passAll(w, w.ana);
      await claimEarnedCertificate(w.app, w.services, w.ana, w.cohort.id);
      expect(await diplomas(ctx)).toHaveLength(0);
      await ctx.db.insertInto('programmes').values(saved).execute();
      expect(await issueAllEarnedDiplomas(w.app, w.services)).toBe(1);
      expect(await issueAllEarnedDiplomas(w.app, w.services)).toBe(0);
    });

    it('an admin revokes it: the verify page and the status list say revoked, and it is not issued again', async () => {
      const w = await world(ctx, { electives: 0 });
      await passAll(w, w.ana);
      await claimEarnedCertificate(w.app, w.services, w.ana, w.cohort.id);
      const [row] = await diplomas(ctx);
      await expect(listDiplomas(w.app, w.services, w.manager, 'en')).rejects.toMatchObject({
        code: 'forbidden',
      });
      expect(
        (await listDiplomas(w.app, w.services, w.admin, 'fr')).map((d) => [d.code, d.programmeTitle]),
      ).toEqual([[row!.code, 'Diplôme d’essai']]);
      await expect(
        revokeCertificate(w.app, w.services, w.manager, {
          certificateId: row!.id,
          reason: 'Not earned here',
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      w.app.clock.advance(86_400_000);
      await revokeCertificate(w.app, w.services, w.admin, {
        certificateId: row!.id,
        reason: 'Issued in error',
      });
      expect(await checkCertificateCode(w.app, w.services, row!.code)).toMatchObject({
        state: 'revoked',
        kind: 'diploma',
        revokedAt: '2026-03-04T09:00:00.000Z',
      });
      const verdict = await w.services.issuer.verify(await getCredentialText(w.app, row!.code), [
        await getStatusListText(w.app, w.services, row!.status_list),
      ]);
      expect(verdict).toMatchObject({ verified: false, code: 'revoked' });
      expect(await issueEarnedDiplomas(w.app, w.services, w.ana.userId)).toEqual([]);
      expect(await diplomas(ctx)).toHaveLength(1);
      const record = await getMyProgrammeRecord(w.app, w.services, w.ana, PROGRAMME, 'en');
      expect(record.diploma?.revokedAt).toBe('2026-03-04T09:00:00.000Z');
    });

    it('a revoked course certificate earns nothing: the record shows it revoked, as My certificates does', async () => {
      const w = await world(ctx, { electives: 1 });
      const issued = await issueCertificateException(w.app, w.services, w.manager, {
        cohortId: w.cohort.id,
        email: (
          await ctx.db
            .selectFrom('users')
            .select('email')
            .where('id', '=', w.ana.userId)
            .executeTakeFirstOrThrow()
        ).email,
        reason: 'Assessed on paper',
      });
      await revokeCertificate(w.app, w.services, w.manager, {
        certificateId: issued.id,
        reason: 'Wrong person',
      });
      const record = await getMyProgrammeRecord(w.app, w.services, w.ana, PROGRAMME, 'en');
      expect(record.courses[0]).toMatchObject({
        state: 'pending',
        certificate: null,
        revoked: { code: issued.code },
      });
      expect(record.requiredEarned).toBe(0);
      const mine = await listMyCertificates(w.app, w.services, w.ana);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.revokedAt).not.toBeNull();
    });

    it('anyone reads the programme its diploma stands for, at the achievement’s address', async () => {
      const w = await world(ctx, { electives: 1 });
      const page = await getProgrammePublic(w.app, PROGRAMME, 'fr');
      expect(page).toMatchObject({
        title: 'Diplôme d’essai',
        summary: 'Un diplôme pour les tests.',
        courses: [
          { title: 'Measuring Things', role: 'required', offered: true },
          { title: 'A later course', role: 'elective', offered: false },
        ],
      });
      expect(page.criteria).toContain('pour au moins 1\u202fcours optionnel');
      await expect(getProgrammePublic(w.app, 'nope', 'en')).rejects.toMatchObject({
        code: 'programme.not_found',
      });
    });

    it('an unknown programme is not found; a visitor has no record', async () => {
      const w = await world(ctx, { electives: 0 });
      await expect(getMyProgrammeRecord(w.app, w.services, w.ana, 'no-such', 'en')).rejects.toMatchObject({
        code: 'programme.not_found',
      });
      await expect(
        listMyProgrammeRecords(w.app, w.services, { kind: 'anonymous' } as Actor, 'en'),
      ).rejects.toMatchObject({ kind: 'unauthenticated' });
    });
  });
});
