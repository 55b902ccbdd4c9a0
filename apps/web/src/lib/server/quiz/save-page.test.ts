import { checkQuestion, getAttempt, startAttempt } from '@labmig/core/assessment/index.ts';
import { buildAssessmentWorld, worldYaml } from '@labmig/core/assessment/attempt/assessment-world.testing.ts';
import { readLayout, slotOf } from '@labmig/core/assessment/attempt/attempt.testing.ts';
import { forEachDialect } from '@labmig/db/testing';
import { describe, expect, it } from 'vitest';
import { answerErrors, savePostedPage } from './save-page.ts';

const text = () => 'SUMMARY';

forEachDialect((ctx) => {
  describe('savePostedPage', () => {
    it('saves the valid answers of a page and reports the refused ones per field', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.week1.id);
      const layout = await readLayout(ctx.db, attemptId);
      const [tf, mc, num, calc] = ['tf1', 'mc1', 'num1', 'calc1'].map((id) => slotOf(layout, id));
      const attempt = await getAttempt(w.app, w.ana, attemptId);
      const fields = new Map([
        ['page', ['all']],
        [`slot-${tf}`, ['true']],
        // Not an option of the question, and a typed answer that is not a number: core refuses both …
        [`slot-${mc}`, ['7']],
        [`slot-${num}`, ['six']],
        [`slot-${calc}`, ['4,5']],
      ]);
      const outcome = await savePostedPage(w.app, w.ana, attempt, fields, 'en', text);
      expect(outcome).toMatchObject({
        ok: false,
        status: 400,
        code: 'validation.invalid',
        message: 'SUMMARY',
        errors: {
          [`slot-${mc}`]: 'This option is not one of the options of the question.',
          [`slot-${num}`]: 'Enter a number, for example 12.5 or 12,5.',
        },
      });
      expect(outcome.ok ? null : outcome.savedAt).toBe('2026-03-03T09:00:00.000Z');
      const after = await getAttempt(w.app, w.ana, attemptId);
      // … in the same call that saved the others.
      expect(after.questions[tf].response).toEqual({ selected: ['true'] });
      expect(after.questions[calc].response).toEqual({ text: '4,5' });
      expect(after.questions[mc].response).toBeUndefined();
      expect(after.questions[num].response).toBeUndefined();
    });

    it('words the refused answers in French from the same codes', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.week1.id);
      const num = slotOf(await readLayout(ctx.db, attemptId), 'num1');
      const attempt = await getAttempt(w.app, w.ana, attemptId);
      const outcome = await savePostedPage(
        w.app,
        w.ana,
        attempt,
        new Map([[`slot-${num}`, ['douze']]]),
        'fr',
        text,
      );
      expect(outcome).toMatchObject({
        ok: false,
        errors: { [`slot-${num}`]: 'Saisissez un nombre, par exemple 12,5 ou 12.5.' },
      });
    });

    it('saves nothing after the deadline and says so in the user’s language', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.week1.id);
      const layout = await readLayout(ctx.db, attemptId);
      const tf = slotOf(layout, 'tf1');
      const attempt = await getAttempt(w.app, w.ana, attemptId);
      w.app.clock.set('2026-03-03T09:31:00.000Z');
      const outcome = await savePostedPage(
        w.app,
        w.ana,
        attempt,
        new Map([[`slot-${tf}`, ['true']]]),
        'fr',
        text,
      );
      expect(outcome).toMatchObject({ ok: false, status: 409, code: 'attempt.closed' });
      expect(outcome.ok ? '' : outcome.message).toMatch(/^Cette tentative a été remise/);
      const after = await getAttempt(w.app, w.ana, attemptId);
      expect(after).toMatchObject({ state: 'submitted', submittedBy: 'timeout' });
      expect(after.questions[tf].response).toBeUndefined();
    });

    it('clears a question of the page that posted nothing (all boxes unticked)', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.week1.id);
      const layout = await readLayout(ctx.db, attemptId);
      const multi = slotOf(layout, 'multi1');
      const first = await getAttempt(w.app, w.ana, attemptId);
      const page = String(multi + 1);
      expect(
        await savePostedPage(
          w.app,
          w.ana,
          first,
          new Map([
            ['page', [page]],
            [`slot-${multi}`, ['0', '1']],
          ]),
          'en',
          text,
        ),
      ).toEqual({ ok: true, savedAt: '2026-03-03T09:00:00.000Z' });
      expect((await getAttempt(w.app, w.ana, attemptId)).questions[multi].response).toEqual({
        selected: ['0', '1'],
      });
      const second = await getAttempt(w.app, w.ana, attemptId);
      expect(
        await savePostedPage(w.app, w.ana, second, new Map([['page', [page]]]), 'en', text),
      ).toMatchObject({
        ok: true,
      });
      expect((await getAttempt(w.app, w.ana, attemptId)).questions[multi].response).toBeUndefined();
    });

    it('leaves a question checked in immediate mode alone (its disabled inputs post nothing)', async () => {
      const w = await buildAssessmentWorld(ctx, worldYaml({ feedbackMode: 'immediate' }));
      const { attemptId } = await startAttempt(w.app, w.ana, w.week1.id);
      const layout = await readLayout(ctx.db, attemptId);
      const tf = slotOf(layout, 'tf1');
      await checkQuestion(w.app, w.ana, attemptId, tf, { selected: ['true'] });
      const attempt = await getAttempt(w.app, w.ana, attemptId);
      expect(
        await savePostedPage(w.app, w.ana, attempt, new Map([['page', ['all']]]), 'en', text),
      ).toMatchObject({
        ok: true,
      });
      const after = await getAttempt(w.app, w.ana, attemptId);
      expect(after.questions[tf].response).toEqual({ selected: ['true'] });
      expect(after.questions[tf].review?.state).toBe('correct');
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
