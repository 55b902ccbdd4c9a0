import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { createTestApp } from '../testing/test-app.ts';
import { addLearner, buildCourseTeam } from '../course-admin/testing/course-team.ts';
import { decideApplication, removeFromCohort } from '../course-admin/enrolment-admin.commands.ts';
import { auditToCsv } from './audit-csv.ts';
import { changedFields, recordAudit } from './audit.record.ts';
import { readAuditLog } from './audit.queries.ts';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('changedFields', () => {
  it('keeps only what changed, as it was and became', () => {
    expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: 2 })).toEqual({
      before: { b: 'x', c: null },
      after: { b: 'y', c: 2 },
    });
  });
});

describe('auditToCsv', () => {
  it('writes one row per event, JSON summaries, formulas defused', () => {
    const csv = auditToCsv([
      {
        id: 'e1',
        occurredAt: '2026-03-01T10:00:00.000Z',
        actor: { id: 'u1', name: 'Ada', email: 'ada@example.org' },
        action: 'enrolment.withdrawn',
        subjectType: 'enrolment',
        subjectId: 'en1',
        cohort: { id: 'c1', title: 'Cohort, C' },
        person: { id: 'u2', name: '=HYPERLINK("x")', email: 'lea@example.org' },
        summary: { before: { status: 'active' }, after: { status: 'withdrawn' }, note: 'Left' },
        requestId: 'r1',
      },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'occurred_at,actor_name,actor_email,action,cohort,person_name,person_email,subject_type,subject_id,before,after,note,request_id',
      '2026-03-01T10:00:00.000Z,Ada,ada@example.org,enrolment.withdrawn,"Cohort, C","\'=HYPERLINK(""x"")",lea@example.org,enrolment,en1,"{""status"":""active""}","{""status"":""withdrawn""}",Left,r1',
      '',
    ]);
  });
});

forEachDialect((ctx) => {
  describe('the audit log', () => {
    it('refuses a summary that does not fit its schema (nothing is written)', async () => {
      await expect(
        recordAudit(
          ctx.db,
          { at: '2026-03-01T00:00:00.000Z' },
          {
            actorUserId: null,
            action: 'cohort.updated',
            subject: { type: 'cohort', id: 'x' },
            summary: { after: { nested: { deep: 1 } } } as never,
          },
        ),
      ).rejects.toThrow(/does not fit its schema/);
      expect(await ctx.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
    });

    it('shows a cohort’s events to its managers, filtered by person and action; the whole log to site admins only', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { approval_required: 1 });
      const a = await addLearner(ctx, team.cohortId, 'Amal', 'pending');
      const b = await addLearner(ctx, team.cohortId, 'Bilal', 'pending');
      await decideApplication(
        app,
        team.manager,
        team.cohortId,
        a.enrolmentId,
        { decision: 'approve' },
        { requestId: 'r-1' },
      );
      app.clock.advance(60_000);
      await decideApplication(app, team.admin, team.cohortId, b.enrolmentId, { decision: 'decline' });
      app.clock.advance(60_000);
      await removeFromCohort(app, team.admin, team.cohortId, a.enrolmentId, { reason: 'Duplicate account' });

      const page = await readAuditLog(app, team.manager, { cohortId: team.cohortId });
      expect(page.events.map((e) => [e.action, e.actor?.name, e.person?.name])).toEqual([
        ['enrolment.withdrawn', 'Ada', 'Amal'],
        ['enrolment.declined', 'Ada', 'Bilal'],
        ['enrolment.approved', 'Mona', 'Amal'],
      ]);
      expect(page.events[2]).toMatchObject({ requestId: 'r-1', cohort: { title: 'Cohort C' } });
      const byPerson = await readAuditLog(app, team.manager, {
        cohortId: team.cohortId,
        person: 'AMAL@example.org',
      });
      expect(byPerson.events.map((e) => e.action)).toEqual(['enrolment.withdrawn', 'enrolment.approved']);
      const byAction = await readAuditLog(app, team.admin, { action: 'enrolment.declined' });
      expect(byAction.events.map((e) => e.person?.email)).toEqual([b.email]);
      // A person filter naming an actor finds what they did.
      expect((await readAuditLog(app, team.admin, { person: 'mona@example.org' })).events).toHaveLength(1);
      expect(await readAuditLog(app, team.admin, { person: 'nobody@example.org' })).toMatchObject({
        unknownPerson: true,
        events: [],
      });

      expect(await codeOf(readAuditLog(app, team.manager, {}))).toBe('admin.only');
      expect(await codeOf(readAuditLog(app, team.otherManager, { cohortId: team.cohortId }))).toBe(
        'cohort.not_found',
      );
      expect(await codeOf(readAuditLog(app, team.tutor, { cohortId: team.cohortId }))).toBe('admin.only');
      expect(await codeOf(readAuditLog(app, team.learner, { cohortId: team.cohortId }))).toBe('admin.only');
      expect(await codeOf(readAuditLog(app, { kind: 'anonymous' }, {}))).toBe('unauthenticated');
      expect(await codeOf(readAuditLog(app, team.admin, { action: 'made.up' }))).toBe('validation.invalid');
    });
  });
});
