import { forEachDialect } from '@labmig/db/testing';
import { describe, expect, it } from 'vitest';
import { closeWorldAfterEach } from '../../testing/close-world.ts';
import { buildAssignmentWorld } from '../testing/assignment-world.testing.ts';
import { getAssignmentPage } from '../work/assignment-page.queries.ts';
import { saveDraft, startNewAttempt, submitWork } from '../work/submission.commands.ts';
import { grantExtension, releaseReadyGrades, saveGrade } from './grade.commands.ts';
import { getGradingPage } from './grading-page.queries.ts';
import { getAssignmentWorkload } from './workload.queries.ts';

forEachDialect((ctx) => {
  const keep = closeWorldAfterEach();
  const world = async () => {
    const w = keep(await buildAssignmentWorld(ctx));
    const handIn = async (who: typeof w.ana, key: string, body: string) => {
      const s = await submitWork(w.app, who, w.ref(key), { body, version: null });
      return { cohortId: w.cohortId, submissionId: s.submissionId };
    };
    return { ...w, handIn };
  };

  describe('grading with a rubric and releasing', () => {
    it('keeps the grade from the learner until it is released, then shows grade, levels and feedback', async () => {
      const w = await world();
      const sub = await w.handIn(w.ana, 'essay', 'Census and LFS.');
      const saved = await saveGrade(w.app, w.tutor, sub, {
        startedFrom: 0,
        action: 'save',
        levels: { sources: 2, concepts: 1 },
        comments: { sources: 'Add the permit register.' },
        feedback: 'A **good** start.',
      });
      expect(saved).toEqual({ version: 1, state: 'in-progress', grade: 60, complete: true }); // 60 × 2/3 + 40 × 1/2
      const hidden = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(hidden.released).toBeNull();
      expect(hidden.status).toBe('submitted');
      expect(JSON.stringify(hidden)).not.toContain('A **good** start');

      await saveGrade(w.app, w.tutor, sub, {
        startedFrom: 1,
        action: 'ready',
        levels: { sources: 2, concepts: 1 },
        feedback: 'A **good** start.',
      });
      expect((await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en')).released).toBeNull();
      await saveGrade(w.app, w.tutor, sub, {
        startedFrom: 2,
        action: 'release',
        levels: { sources: 2, concepts: 1 },
        comments: { sources: 'Add the permit register.' },
        feedback: 'A **good** start.',
      });
      const shown = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(shown.status).toBe('passed');
      expect(shown.released).toMatchObject({
        grade: 60,
        maxGrade: 100,
        passed: true,
        feedbackHtml: '<p>A <strong>good</strong> start.</p>\n',
      });
      expect(shown.released?.criteria.map((c) => [c.id, c.level, c.comment])).toEqual([
        ['sources', 'Sound', 'Add the permit register.'],
        ['concepts', 'Partial', ''],
      ]);
    });

    it('refuses to mark ready a rubric with a criterion left open, and to release a grade not ready', async () => {
      const w = await world();
      const sub = await w.handIn(w.ana, 'essay', 'Text.');
      await expect(
        saveGrade(w.app, w.tutor, sub, { startedFrom: 0, action: 'ready', levels: { sources: 1 } }),
      ).rejects.toMatchObject({ code: 'grade.incomplete' });
      await saveGrade(w.app, w.tutor, sub, { startedFrom: 0, action: 'save', levels: { sources: 1 } });
      await expect(
        saveGrade(w.app, w.tutor, sub, { startedFrom: 1, action: 'release', levels: { sources: 1 } }),
      ).rejects.toMatchObject({ code: 'grade.incomplete' });
      await expect(
        saveGrade(w.app, w.tutor, sub, { startedFrom: 1, action: 'save', levels: { sources: 7 } }),
      ).rejects.toMatchObject({ code: 'grade.level_invalid' });
    });

    it('gives the second of two tutors grading at once a conflict, and overwrites nothing', async () => {
      const w = await world();
      const sub = await w.handIn(w.ana, 'essay', 'Text.');
      const page1 = await getGradingPage(w.app, w.tutor, sub, 'en');
      const page2 = await getGradingPage(w.app, w.tutor2, sub, 'en');
      expect(page1.current.startedFrom).toBe(0);
      await saveGrade(w.app, w.tutor, sub, {
        startedFrom: page1.current.startedFrom,
        action: 'save',
        levels: { sources: 3, concepts: 2 },
      });
      await expect(
        saveGrade(w.app, w.tutor2, sub, {
          startedFrom: page2.current.startedFrom,
          action: 'save',
          levels: { sources: 0, concepts: 0 },
        }),
      ).rejects.toMatchObject({ code: 'grade.conflict' });
      const after = await getGradingPage(w.app, w.tutor2, sub, 'en');
      expect(after.current).toMatchObject({ startedFrom: 1, grade: 100 });
      expect(after.versions.map((v) => [v.version, v.savedBy, v.grade])).toEqual([[1, 'Tim', 100]]);
    });

    it('keeps every version of a regrade; the learner sees the released one until the regrade is released', async () => {
      const w = await world();
      const sub = await w.handIn(w.ana, 'essay', 'Text.');
      await saveGrade(w.app, w.tutor, sub, {
        startedFrom: 0,
        action: 'release',
        levels: { sources: 1, concepts: 1 },
      }); // 20 + 20
      await saveGrade(w.app, w.tutor, sub, {
        startedFrom: 1,
        action: 'save',
        levels: { sources: 3, concepts: 1 },
      }); // 60 + 20
      expect((await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en')).released?.grade).toBe(40);
      await saveGrade(w.app, w.tutor2, sub, {
        startedFrom: 2,
        action: 'release',
        levels: { sources: 3, concepts: 1 },
      });
      expect((await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en')).released?.grade).toBe(80);
      const page = await getGradingPage(w.app, w.tutor, sub, 'en');
      expect(page.versions.map((v) => [v.version, v.state, v.grade, v.savedBy])).toEqual([
        [1, 'released', 40, 'Tim'],
        [2, 'in-progress', 80, 'Tim'],
        [3, 'released', 80, 'Mia'],
      ]);
    });

    it('releases every grade marked ready at once, and leaves those in progress hidden', async () => {
      const w = await world();
      const ana = await w.handIn(w.ana, 'essay', 'A.');
      const ben = await w.handIn(w.ben, 'essay', 'B.');
      await saveGrade(w.app, w.tutor, ana, {
        startedFrom: 0,
        action: 'ready',
        levels: { sources: 3, concepts: 2 },
      });
      await saveGrade(w.app, w.tutor, ben, { startedFrom: 0, action: 'save', levels: { sources: 1 } });
      expect(await releaseReadyGrades(w.app, w.tutor, w.ref('essay'))).toEqual({
        released: 1,
        inProgress: 1,
      });
      expect((await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en')).released?.grade).toBe(100);
      expect((await getAssignmentPage(w.app, w.ben, w.ref('essay'), 'en')).released).toBeNull();
    });

    it('lets only staff grade, and nobody grade a draft', async () => {
      const w = await world();
      const draft = await saveDraft(w.app, w.ana, w.ref('essay'), { body: 'Draft.', version: null });
      const ref = { cohortId: w.cohortId, submissionId: draft.submissionId };
      await expect(
        saveGrade(w.app, w.tutor, ref, { startedFrom: 0, action: 'save', levels: {} }),
      ).rejects.toMatchObject({ code: 'grade.not_submitted' });
      await expect(
        saveGrade(w.app, w.ben, ref, { startedFrom: 0, action: 'save', levels: {} }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(getGradingPage(w.app, w.ana, ref, 'en')).rejects.toMatchObject({ code: 'forbidden' });
      await expect(getGradingPage(w.app, w.outsider, ref, 'en')).rejects.toMatchObject({
        code: 'cohort.not_found',
      });
    });
  });

  describe('group grades', () => {
    it('gives the group one grade and each member their own adjustment within the limit', async () => {
      const w = await world();
      const sub = await w.handIn(w.ana, 'team', 'Our matrix.');
      await expect(
        saveGrade(w.app, w.tutor, sub, {
          startedFrom: 0,
          action: 'save',
          levels: { matrix: 3 },
          adjustments: { [w.ben.kind === 'user' ? w.ben.userId : '']: -12 },
        }),
      ).rejects.toMatchObject({ code: 'grade.adjustment_invalid' });
      await expect(
        saveGrade(w.app, w.tutor, sub, {
          startedFrom: 0,
          action: 'save',
          levels: { matrix: 3 },
          adjustments: { [w.users.cai.id]: 5 },
        }),
      ).rejects.toMatchObject({ code: 'grade.adjustment_invalid' });
      await saveGrade(w.app, w.tutor, sub, {
        startedFrom: 0,
        action: 'release',
        levels: { matrix: 3 },
        adjustments: { [w.users.ben.id]: -10 },
      });
      expect((await getAssignmentPage(w.app, w.ana, w.ref('team'), 'en')).released).toMatchObject({
        grade: 75,
        adjustment: 0,
      });
      expect((await getAssignmentPage(w.app, w.ben, w.ref('team'), 'en')).released).toMatchObject({
        grade: 65,
        adjustment: -10,
      });
      const page = await getGradingPage(w.app, w.tutor, sub, 'en');
      expect(page.members.map((m) => [m.name, m.adjustment, m.grade])).toEqual([
        ['Ana', 0, 75],
        ['Ben', -10, 65],
      ]);
    });
  });

  describe('a further attempt after a failing grade', () => {
    it('opens when the failing grade is released, holds the last text, and falls due reopenDays later', async () => {
      const w = await world();
      const sub = await w.handIn(w.ana, 'essay', 'Thin answer.');
      w.app.clock.set('2020-11-10T10:00:00Z');
      await saveGrade(w.app, w.tutor, sub, {
        startedFrom: 0,
        action: 'release',
        levels: { sources: 1, concepts: 0 },
      }); // 20: below 50
      const failed = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(failed.status).toBe('resubmit');
      expect(failed.reopenDueAt).toBe('2020-11-17T22:59:00.000Z'); // Tuesday 17 November, 23:59 in Rome
      const next = await startNewAttempt(w.app, w.ana, w.ref('essay'));
      expect(next).toMatchObject({ attempt: 2, status: 'draft' });
      const page = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(page.work).toMatchObject({ attempt: 2, body: 'Thin answer.' });
      expect(page.window?.dueAt).toBe('2020-11-17T22:59:00.000Z');
      await expect(startNewAttempt(w.app, w.ana, w.ref('essay'))).rejects.toMatchObject({
        code: 'assignment.not_failed',
      });
    });
  });

  describe('the tutor’s workload', () => {
    it('lists work to grade, graded and overdue, for the tutor’s groups or for everyone', async () => {
      const w = await world();
      await w.handIn(w.ana, 'essay', 'A.');
      const mine = await getAssignmentWorkload(w.app, w.tutor, w.ref('essay'), 'mine', 'en');
      expect(mine.scope).toBe('mine');
      expect(mine.rows.map((r) => [r.name, r.category])).toEqual([
        ['Ana', 'to-grade'],
        ['Ben', 'none'],
      ]);
      w.app.clock.set('2020-11-02T09:00:00Z');
      const all = await getAssignmentWorkload(w.app, w.tutor, w.ref('essay'), 'all', 'en');
      expect(all.rows.map((r) => [r.name, r.category])).toEqual([
        ['Ana', 'to-grade'],
        ['Ben', 'overdue'],
        ['Cai', 'overdue'],
        ['Dee', 'overdue'],
      ]);
      expect(all.counts).toEqual({ 'to-grade': 1, graded: 0, overdue: 3 });
      // A tutor who follows no group always sees everyone.
      expect((await getAssignmentWorkload(w.app, w.tutor2, w.ref('essay'), 'mine', 'en')).scope).toBe('all');
      const team = await getAssignmentWorkload(w.app, w.tutor, w.ref('team'), 'all', 'en');
      expect(team.withoutGroup).toEqual(['Dee']);
    });

    it('extends the due time for one learner only', async () => {
      const w = await world();
      await grantExtension(w.app, w.tutor, w.ref('essay'), {
        ownerKey: `user:${w.users.ben.id}`,
        date: '2020-11-08',
        time: '23:59',
      });
      w.app.clock.set('2020-11-06T10:00:00Z'); // after Ana's cut-off, before Ben's extension
      await expect(
        saveDraft(w.app, w.ana, w.ref('essay'), { body: 'x', version: null }),
      ).rejects.toMatchObject({ code: 'assignment.closed' });
      const ben = await submitWork(w.app, w.ben, w.ref('essay'), { body: 'On time.', version: null });
      expect(ben.late).toBe(false);
      await expect(
        grantExtension(w.app, w.tutor, w.ref('essay'), {
          ownerKey: `user:${w.users.ana.id}`,
          date: '2020-10-30',
          time: '12:00',
        }),
      ).rejects.toMatchObject({ code: 'assignment.extension_invalid' });
    });
  });
});
