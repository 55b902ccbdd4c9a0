import { forEachDialect } from '@labmig/db/testing';
import { describe, expect, it } from 'vitest';
import { closeWorldAfterEach } from '../../testing/close-world.ts';
import { buildAssignmentWorld } from '../testing/assignment-world.testing.ts';
import { getAssignmentPage, getLearnerAssignments } from './assignment-page.queries.ts';
import { saveDraft, startNewAttempt, submitWork, withdrawWork } from './submission.commands.ts';

forEachDialect((ctx) => {
  const keep = closeWorldAfterEach();
  const world = async () => keep(await buildAssignmentWorld(ctx));

  describe('a learner’s individual work', () => {
    it('saves a draft, hands it in, and shows it to its author only', async () => {
      const w = await world();
      const first = await saveDraft(w.app, w.ana, w.ref('essay'), { body: 'Census 2020.', version: null });
      expect(first).toMatchObject({ attempt: 1, version: 1, status: 'draft', wordCount: 2 });
      const second = await saveDraft(w.app, w.ana, w.ref('essay'), {
        body: 'Census 2020 and LFS.',
        version: 1,
      });
      expect(second.version).toBe(2);
      const submitted = await submitWork(w.app, w.ana, w.ref('essay'), {
        body: 'Census 2020 and LFS.',
        version: 2,
      });
      expect(submitted).toMatchObject({ status: 'submitted', late: false });

      const page = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(page.work).toMatchObject({ status: 'submitted', body: 'Census 2020 and LFS.', late: false });
      expect(page.status).toBe('submitted');
      expect(page.history.map((h) => [h.who, h.action])).toEqual([
        ['Ana', 'text-saved'],
        ['Ana', 'submitted'],
      ]);
      // Ben sees his own (empty) work, never Ana's.
      const ben = await getAssignmentPage(w.app, w.ben, w.ref('essay'), 'en');
      expect(ben.work).toBeNull();
      expect(JSON.stringify(ben)).not.toContain('Census 2020');
    });

    it('refuses a save from an older version and keeps what was saved (two windows, one draft)', async () => {
      const w = await world();
      await saveDraft(w.app, w.ana, w.ref('essay'), { body: 'First window.', version: null });
      await saveDraft(w.app, w.ana, w.ref('essay'), { body: 'First window, more.', version: 1 });
      await expect(
        saveDraft(w.app, w.ana, w.ref('essay'), { body: 'Second window.', version: 1 }),
      ).rejects.toMatchObject({ code: 'assignment.draft_conflict' });
      const page = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(page.work?.body).toBe('First window, more.');
    });

    it('asks for the text the assignment requires, and keeps the draft', async () => {
      const w = await world();
      await expect(
        submitWork(w.app, w.ana, w.ref('essay'), { body: '   ', version: null }),
      ).rejects.toMatchObject({
        code: 'assignment.text_required',
        fields: { body: 'assignment.text_required' },
      });
      // What was written is saved as the draft before the check.
      const page = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(page.work).toMatchObject({ status: 'draft', body: '   ' });
    });

    it('takes work back before the due time, and not after it', async () => {
      const w = await world();
      const s = await submitWork(w.app, w.ana, w.ref('essay'), { body: 'Done.', version: null });
      const back = await withdrawWork(w.app, w.ana, w.ref('essay'), { version: s.version });
      expect(back.status).toBe('draft');
      const again = await submitWork(w.app, w.ana, w.ref('essay'), {
        body: 'Done, better.',
        version: back.version,
      });
      w.app.clock.set('2020-11-02T09:00:00Z'); // after the due time (Sunday 1 November, 23:59 in Rome)
      await expect(
        withdrawWork(w.app, w.ana, w.ref('essay'), { version: again.version }),
      ).rejects.toMatchObject({
        code: 'assignment.after_due',
      });
    });

    it('refuses taking work back where the assignment does not allow it', async () => {
      const w = await world();
      w.app.clock.set('2020-11-03T09:00:00Z'); // week 2
      const s = await submitWork(w.app, w.ana, w.ref('quick'), { body: '42', version: null });
      await expect(withdrawWork(w.app, w.ana, w.ref('quick'), { version: s.version })).rejects.toMatchObject({
        code: 'assignment.resubmission_off',
      });
    });

    it('marks work handed in after the due time as late, until the cut-off', async () => {
      const w = await world();
      await saveDraft(w.app, w.ana, w.ref('essay'), { body: 'Late draft.', version: null });
      w.app.clock.set('2020-11-01T23:00:00Z'); // Monday 00:00 in Rome: one minute after the due minute
      const list = await getLearnerAssignments(w.app, w.ana, w.cohortId, 'en');
      expect(list.assignments.find((a) => a.key === 'essay')?.status).toBe('late');
      const late = await submitWork(w.app, w.ana, w.ref('essay'), { body: 'Late draft.', version: 1 });
      expect(late.late).toBe(true);
      expect((await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en')).work?.late).toBe(true);
    });

    it('refuses work after the cut-off, saying when it closed, and keeps the draft', async () => {
      const w = await world();
      await saveDraft(w.app, w.ana, w.ref('essay'), { body: 'Kept.', version: null });
      w.app.clock.set('2020-11-04T23:00:00Z'); // Thursday 00:00 in Rome: the cut-off was Wednesday 23:59
      const refused = saveDraft(w.app, w.ana, w.ref('essay'), { body: 'Too late.', version: 1 });
      await expect(refused).rejects.toMatchObject({ code: 'assignment.closed' });
      await refused.catch((error: { localize(l: string): string }) => {
        expect(error.localize('en')).toContain('closed on Wednesday, 4 November 2020 at 23:59 (Europe/Rome)');
        expect(error.localize('fr')).toContain('clos le mercredi 4 novembre 2020 à 23:59 (Europe/Rome)');
      });
      const page = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(page.work?.body).toBe('Kept.');
      expect(page.status).toBe('missed');
    });

    it('refuses work before the assignment opens', async () => {
      const w = await world();
      await expect(
        saveDraft(w.app, w.ana, w.ref('quick'), { body: 'Early.', version: null }),
      ).rejects.toMatchObject({
        code: 'assignment.not_open',
      });
    });

    it('refuses staff, outsiders and other cohorts’ learners', async () => {
      const w = await world();
      await expect(
        saveDraft(w.app, w.tutor, w.ref('essay'), { body: 'x', version: null }),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        saveDraft(w.app, w.outsider, w.ref('essay'), { body: 'x', version: null }),
      ).rejects.toMatchObject({
        code: 'cohort.not_found',
      });
    });
  });

  describe('a group’s work', () => {
    it('is handed in once for the group; every member sees it and who changed what; other groups do not', async () => {
      const w = await world();
      const a = await saveDraft(w.app, w.ana, w.ref('team'), {
        body: 'Matrix: E1 × M3 = −1.',
        version: null,
      });
      const b = await saveDraft(w.app, w.ben, w.ref('team'), {
        body: 'Matrix: E1 × M3 = −1; E2 × M2 = +1.',
        version: a.version,
      });
      await submitWork(w.app, w.ben, w.ref('team'), {
        body: 'Matrix: E1 × M3 = −1; E2 × M2 = +1.',
        version: b.version,
      });
      const seenByAna = await getAssignmentPage(w.app, w.ana, w.ref('team'), 'en');
      expect(seenByAna.work).toMatchObject({ status: 'submitted', submittedBy: 'Ben' });
      expect(seenByAna.group).toEqual({ name: 'Group A', members: ['Ana', 'Ben'] });
      expect(seenByAna.history.map((h) => [h.who, h.action])).toEqual([
        ['Ana', 'text-saved'],
        ['Ben', 'text-saved'],
        ['Ben', 'submitted'],
      ]);
      const seenByCai = await getAssignmentPage(w.app, w.cai, w.ref('team'), 'en');
      expect(seenByCai.work).toBeNull();
      expect(JSON.stringify(seenByCai)).not.toContain('E1 × M3');
    });

    it('refuses a member’s save made from an older draft (two members at once), nothing overwritten', async () => {
      const w = await world();
      await saveDraft(w.app, w.ana, w.ref('team'), { body: 'Ana’s start.', version: null });
      await saveDraft(w.app, w.ana, w.ref('team'), { body: 'Ana’s start, continued.', version: 1 });
      await expect(
        saveDraft(w.app, w.ben, w.ref('team'), { body: 'Ben from version 1.', version: 1 }),
      ).rejects.toMatchObject({ code: 'assignment.draft_conflict' });
      expect((await getAssignmentPage(w.app, w.ben, w.ref('team'), 'en')).work?.body).toBe(
        'Ana’s start, continued.',
      );
    });

    it('tells a learner in no group that they must be put in one', async () => {
      const w = await world();
      await expect(
        saveDraft(w.app, w.dee, w.ref('team'), { body: 'x', version: null }),
      ).rejects.toMatchObject({
        code: 'assignment.no_group',
      });
      const page = await getAssignmentPage(w.app, w.dee, w.ref('team'), 'en');
      expect(page.missingGroup).toBe(true);
      expect((await getLearnerAssignments(w.app, w.dee, w.cohortId, 'en')).missingGroup).toBe(true);
    });
  });

  describe('further attempts', () => {
    it('are refused before any failing grade', async () => {
      const w = await world();
      await submitWork(w.app, w.ana, w.ref('essay'), { body: 'Done.', version: null });
      await expect(startNewAttempt(w.app, w.ana, w.ref('essay'))).rejects.toMatchObject({
        code: 'assignment.not_failed',
      });
    });
  });
});
