import { checkQuestion, getAttempt, startAttempt } from '@labmig/core/assessment';
import { buildAssessmentWorld, forEachDialect, readLayout, slotOf, worldYaml } from '@labmig/core/testing';
import { describe, expect, it } from 'vitest';
import { answerErrors, savePostedPage } from './save-page.ts';

forEachDialect((ctx) => {
  describe('savePostedPage', () => {
    async function started(yaml = worldYaml()) {
      const w = await buildAssessmentWorld(ctx, yaml);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz());
      const layout = await readLayout(ctx.db, attemptId);
      const ref = w.attempt(attemptId);
      return { w, ref, slot: (id: string) => slotOf(layout, id), read: () => getAttempt(w.app, w.ana, ref) };
    }

    it('saves the valid answers of a page and reports the refused ones per field', async () => {
      const { w, ref, slot, read } = await started();
      const [tf, mc, num, calc] = ['tf1', 'mc1', 'num1', 'calc1'].map(slot);
      const fields = new Map([
        ['page', ['all']],
        [`slot-${tf}`, ['true']],
        // Not an option of the question, and a typed answer that is not a number: core refuses both …
        [`slot-${mc}`, ['7']],
        [`slot-${num}`, ['six']],
        [`slot-${calc}`, ['4,5']],
      ]);
      const outcome = await savePostedPage(w.app, w.ana, ref, fields, 'en');
      expect(outcome).toMatchObject({
        kind: 'saved',
        savedAt: '2026-03-03T09:00:00.000Z',
        errors: {
          [`slot-${mc}`]: 'This option is not one of the options of the question.',
          [`slot-${num}`]: 'Enter a number, for example 12.5 or 12,5.',
        },
      });
      const after = await read();
      // … in the same call that saved the others.
      expect(after.questions[tf].response).toEqual({ selected: ['true'] });
      expect(after.questions[calc].response).toEqual({ text: '4,5' });
      expect(after.questions[mc].response).toBeUndefined();
      expect(after.questions[num].response).toBeUndefined();
    });

    it('words the refused answers in French from the same codes', async () => {
      const { w, ref, slot } = await started();
      const num = slot('num1');
      const outcome = await savePostedPage(w.app, w.ana, ref, new Map([[`slot-${num}`, ['douze']]]), 'fr');
      expect(outcome.errors).toEqual({ [`slot-${num}`]: 'Saisissez un nombre, par exemple 12,5 ou 12.5.' });
    });

    it('saves nothing after the deadline: the attempt is closed', async () => {
      const { w, ref, slot, read } = await started();
      const tf = slot('tf1');
      w.app.clock.set('2026-03-03T09:31:00.000Z');
      const outcome = await savePostedPage(w.app, w.ana, ref, new Map([[`slot-${tf}`, ['true']]]), 'fr');
      expect(outcome.kind).toBe('closed');
      const after = await read();
      expect(after).toMatchObject({ state: 'submitted', submittedBy: 'timeout' });
      expect(after.questions[tf].response).toBeUndefined();
    });

    it('clears a question of the page that posted nothing (all boxes unticked)', async () => {
      const { w, ref, slot, read } = await started();
      const multi = slot('multi1');
      const page = String(multi + 1);
      const ticked = new Map([
        ['page', [page]],
        [`slot-${multi}`, ['0', '1']],
      ]);
      expect(await savePostedPage(w.app, w.ana, ref, ticked, 'en')).toMatchObject({
        kind: 'saved',
        savedAt: '2026-03-03T09:00:00.000Z',
        errors: {},
      });
      expect((await read()).questions[multi].response).toEqual({ selected: ['0', '1'] });
      expect(await savePostedPage(w.app, w.ana, ref, new Map([['page', [page]]]), 'en')).toMatchObject({
        kind: 'saved',
        errors: {},
      });
      expect((await read()).questions[multi].response).toBeUndefined();
    });

    it('leaves a question checked in immediate mode alone (its disabled inputs post nothing)', async () => {
      const { w, ref, slot, read } = await started(worldYaml({ feedbackMode: 'immediate' }));
      const tf = slot('tf1');
      await checkQuestion(w.app, w.ana, ref, tf, { selected: ['true'] });
      expect(await savePostedPage(w.app, w.ana, ref, new Map([['page', ['all']]]), 'en')).toMatchObject({
        kind: 'saved',
        errors: {},
      });
      const after = await read();
      expect(after.questions[tf].response).toEqual({ selected: ['true'] });
      expect(after.questions[tf].review?.state).toBe('correct');
    });

    it('saves the page and checks one question in one post (immediate mode)', async () => {
      const { w, ref, slot, read } = await started(worldYaml({ feedbackMode: 'immediate' }));
      const [tf, num] = ['tf1', 'num1'].map(slot);
      const fields = new Map([
        ['page', ['all']],
        [`slot-${tf}`, ['true']],
        [`slot-${num}`, ['6']],
      ]);
      expect(await savePostedPage(w.app, w.ana, ref, fields, 'en', { check: tf })).toMatchObject({
        kind: 'saved',
        errors: {},
      });
      const after = await read();
      expect(after.questions[tf]).toMatchObject({ checked: true, review: { state: 'correct' } });
      expect(after.questions[num]).toMatchObject({ checked: false, response: { text: '6' } });
    });

    it('refuses to check an empty answer, as a field error, and saves nothing of that question', async () => {
      const { w, ref, slot, read } = await started(worldYaml({ feedbackMode: 'immediate' }));
      const num = slot('num1');
      const outcome = await savePostedPage(w.app, w.ana, ref, new Map([['page', ['all']]]), 'en', {
        check: num,
      });
      expect(outcome.errors).toEqual({ [`slot-${num}`]: 'Answer the question before checking it.' });
      expect((await read()).questions[num].checked).toBe(false);
    });

    it('refuses to check a question that was checked already or does not exist', async () => {
      const { w, ref, slot } = await started(worldYaml({ feedbackMode: 'immediate' }));
      const tf = slot('tf1');
      await checkQuestion(w.app, w.ana, ref, tf, { selected: ['true'] });
      for (const check of [tf, 99, Number.NaN])
        await expect(
          savePostedPage(w.app, w.ana, ref, new Map([['page', ['all']]]), 'en', { check }),
        ).rejects.toMatchObject({ code: 'answer.cannot_check' });
    });

    it('saves the last page and submits in one post', async () => {
      const { w, ref, slot, read } = await started();
      const tf = slot('tf1');
      const fields = new Map([
        ['page', ['all']],
        [`slot-${tf}`, ['true']],
      ]);
      expect((await savePostedPage(w.app, w.ana, ref, fields, 'en', { submit: true })).kind).toBe(
        'submitted',
      );
      const after = await read();
      expect(after).toMatchObject({ state: 'submitted', submittedBy: 'learner' });
      expect(after.questions[tf].response).toEqual({ selected: ['true'] });
    });

    it('finds no attempt under another cohort’s URL', async () => {
      const { w, ref } = await started();
      await expect(
        savePostedPage(w.app, w.ana, { ...ref, cohortId: 'another-cohort' }, new Map(), 'en'),
      ).rejects.toMatchObject({ code: 'cohort.not_found' });
    });
  });
});

describe('answerErrors', () => {
  it("words core's codes per field in the user's language, and an unknown code generically", () => {
    expect(answerErrors({ 'slot-1': 'answer.too_many_options', 'slot-2': 'no.such' }, 'fr')).toEqual({
      'slot-1': 'Choisissez une seule option.',
      'slot-2': 'Certains champs ne sont pas valides. Veuillez vérifier le formulaire.',
    });
  });
});
