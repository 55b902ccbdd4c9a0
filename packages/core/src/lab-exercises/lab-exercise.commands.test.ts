import { forEachDialect } from '@labmig/db/testing';
import { describe, expect, it } from 'vitest';
import { getCohortGradebook, getLearnerGradebook } from '../assessment/gradebook/gradebook.queries.ts';
import { gradebookTable } from '../assessment/gradebook/gradebook-csv.ts';
import { closeWorldAfterEach } from '../testing/close-world.ts';
import { answerLabExercise } from './lab-exercise.commands.ts';
import { getLabExercisePage, getLabExercisesHome, getLabExercisesIndex } from './lab-exercise.queries.ts';
import { buildLabWorld } from './testing/lab-world.testing.ts';

// R's labour force participation rate of foreign-born women on lfs_small.csv and its SE, in percent (R 4.2.2,
// survey 4.1.1; /work/shared/reference/lfs/lfs_small_reference.json, case lfpr_by_migrant_sex).
const R_RATE = 64.2750471265199;
const R_SE = 2.03972335915832;
// Hand-computed: 1.959964² · 0.2 · 0.8 / 0.03² = 682.93; × 1.5 (deff) / 0.8 (response) = 1280.49 → 1281.
const PERSONS = 1281;

forEachDialect((ctx) => {
  const keep = closeWorldAfterEach();
  const world = async () => keep(await buildLabWorld(ctx));

  describe('importing', () => {
    it('stores the engine’s expected values once per content version', async () => {
      const w = await world();
      expect(w.imported.ok && w.imported.courses[0]!.labExercises).toEqual({
        created: 2,
        updated: 0,
        unchanged: 0,
        retired: 0,
      });
      const staff = await getLabExercisePage(w.app, w.tutor, w.ref('rate'), 'en');
      expect(staff.staff!.expected.rate).toBeCloseTo(R_RATE, 9);
      expect(staff.staff!.expected.se).toBeCloseTo(R_SE, 9);
      expect((await getLabExercisePage(w.app, w.tutor, w.ref('plan'), 'en')).staff!.expected).toEqual({
        persons: PERSONS,
      });
    });
  });

  describe('answering', () => {
    it('grades each answer within its tolerance, says which is off, and reveals nothing before the end', async () => {
      const w = await world();
      const first = await answerLabExercise(w.app, w.ana, {
        ...w.ref('rate'),
        answers: { rate: '64,28', se: '2.1' },
      });
      expect(first).toEqual({
        attempt: 1,
        results: { rate: 'correct', se: 'incorrect' },
        correct: false,
        score: 5,
      });
      const page = await getLabExercisePage(w.app, w.ana, w.ref('rate'), 'en');
      expect(page.learner).toMatchObject({
        cell: { status: 'retry', score: 5, attemptsUsed: 1 },
        attemptsLeft: 1,
        mayAnswer: true,
        revealed: null,
      });
      expect(page.staff).toBeNull();
      expect(JSON.stringify(page)).not.toContain('64.275');

      const second = await answerLabExercise(w.app, w.ana, {
        ...w.ref('rate'),
        answers: { rate: '64.3', se: '2.04' },
      });
      expect(second).toMatchObject({ attempt: 2, correct: true, score: 10 });
      const after = await getLabExercisePage(w.app, w.ana, w.ref('rate'), 'en');
      expect(after.learner).toMatchObject({ cell: { status: 'passed', score: 10 }, mayAnswer: false });
      expect(after.learner!.revealed!.rate).toBeCloseTo(R_RATE, 9);
      await expect(
        answerLabExercise(w.app, w.ana, { ...w.ref('rate'), answers: { rate: '1', se: '1' } }),
      ).rejects.toMatchObject({ code: 'lab-exercise.already_passed' });
    });

    it('reveals the values once the attempts run out, and refuses a further attempt', async () => {
      const w = await world();
      const wrong = await answerLabExercise(w.app, w.ben, { ...w.ref('plan'), answers: { persons: '1280' } });
      expect(wrong).toMatchObject({ results: { persons: 'incorrect' }, score: 0 });
      const page = await getLabExercisePage(w.app, w.ben, w.ref('plan'), 'en');
      expect(page.learner).toMatchObject({ cell: { status: 'failed' }, revealed: { persons: PERSONS } });
      await expect(
        answerLabExercise(w.app, w.ben, { ...w.ref('plan'), answers: { persons: String(PERSONS) } }),
      ).rejects.toMatchObject({ code: 'lab-exercise.no_attempts_left' });
    });

    it('refuses empty or non-numeric answers without using an attempt, naming the fields', async () => {
      const w = await world();
      await expect(
        answerLabExercise(w.app, w.ana, { ...w.ref('rate'), answers: { rate: '', se: 'two' } }),
      ).rejects.toMatchObject({
        code: 'lab-exercise.answers_incomplete',
        fields: {
          'answer-rate': 'lab-exercise.answers_incomplete',
          'answer-se': 'lab-exercise.answers_incomplete',
        },
      });
      const page = await getLabExercisePage(w.app, w.ana, w.ref('rate'), 'en');
      expect(page.learner!.attempts).toEqual([]);
    });

    it('closes at the due minute (Sunday 1 November 2020, 23:59 in Rome)', async () => {
      const w = await world();
      w.app.clock.set('2020-11-01T22:59:30.000Z');
      await answerLabExercise(w.app, w.ana, { ...w.ref('rate'), answers: { rate: '1', se: '1' } });
      w.app.clock.set('2020-11-01T23:00:00.000Z');
      await expect(
        answerLabExercise(w.app, w.ana, { ...w.ref('rate'), answers: { rate: '64.28', se: '2.04' } }),
      ).rejects.toMatchObject({ code: 'lab-exercise.closed' });
      await expect(
        answerLabExercise(w.app, w.ben, { ...w.ref('rate'), answers: { rate: '64.28', se: '2.04' } }),
      ).rejects.toMatchObject({ code: 'lab-exercise.closed' });
      const page = await getLabExercisePage(w.app, w.ben, w.ref('rate'), 'en');
      expect(page.learner).toMatchObject({ cell: { status: 'closed' }, mayAnswer: false });
      expect(page.learner!.revealed!.se).toBeCloseTo(R_SE, 9);
    });

    it('lets only active learners answer, for themselves; outsiders do not learn the cohort exists', async () => {
      const w = await world();
      const answers = { rate: '64.28', se: '2.04' };
      for (const who of [w.tutor, w.admin, w.wil])
        await expect(answerLabExercise(w.app, who, { ...w.ref('rate'), answers })).rejects.toMatchObject({
          kind: 'forbidden',
        });
      await expect(answerLabExercise(w.app, w.outsider, { ...w.ref('rate'), answers })).rejects.toMatchObject(
        {
          code: 'cohort.not_found',
        },
      );
      await expect(answerLabExercise(w.app, w.ana, { ...w.ref('nope'), answers })).rejects.toMatchObject({
        code: 'lab-exercise.not_found',
      });
      // The withdrawn learner still reads the (empty) page; the outsider does not.
      expect((await getLabExercisePage(w.app, w.wil, w.ref('rate'), 'en')).learner!.mayAnswer).toBe(false);
      await expect(getLabExercisePage(w.app, w.outsider, w.ref('rate'), 'en')).rejects.toMatchObject({
        code: 'cohort.not_found',
      });
    });
  });

  describe('results for staff, the gradebook and the course home', () => {
    it('show every learner’s best score to staff and each learner only their own', async () => {
      const w = await world();
      await answerLabExercise(w.app, w.ana, { ...w.ref('rate'), answers: { rate: '64.28', se: '2.2' } });
      await answerLabExercise(w.app, w.ana, { ...w.ref('rate'), answers: { rate: '60', se: '2.2' } });
      await answerLabExercise(w.app, w.ben, { ...w.ref('plan'), answers: { persons: '1 281' } });

      const staff = await getLabExercisePage(w.app, w.tutor, w.ref('rate'), 'en');
      expect(staff.staff!.rows.map((r) => [r.name, r.cell.score, r.cell.status, r.attempts.length])).toEqual([
        ['Ana', 5, 'failed', 2],
        ['Ben', null, 'not-attempted', 0],
        ['Wil', null, 'not-attempted', 0],
      ]);
      const index = await getLabExercisesIndex(w.app, w.tutor, w.cohortId, 'en');
      expect(index.exercises.map((x) => [x.key, x.attempted, x.passed])).toEqual([
        ['rate', 1, 0],
        ['plan', 1, 1],
      ]);

      const book = await getCohortGradebook(w.app, w.tutor, w.cohortId, 'en');
      expect(book.labExercises.map((c) => [c.key, c.points, c.required])).toEqual([
        ['rate', 10, true],
        ['plan', 5, false],
      ]);
      const table = gradebookTable(book);
      expect(table.header.slice(-2)).toEqual([
        'Lab: Participation of foreign-born women (/10)',
        'Lab: Sample size (/5)',
      ]);
      expect(table.rows.map((r) => [r[0], ...r.slice(-2)])).toEqual([
        ['Ana', 5, null],
        ['Ben', null, 5],
        ['Wil', null, null],
      ]);

      const mine = await getLearnerGradebook(w.app, w.ben, w.cohortId, 'fr');
      expect(mine.labExercises.map((x) => [x.title, x.score, x.status])).toEqual([
        ['Participation des femmes nées à l’étranger', null, 'not-attempted'],
        ['Sample size', 5, 'passed'],
      ]);
      expect(mine.labExercisesRequired.map((x) => x.key)).toEqual(['rate']);
      await expect(getLabExercisesIndex(w.app, w.outsider, w.cohortId, 'en')).rejects.toMatchObject({
        code: 'cohort.not_found',
      });
    });

    it('list a required exercise under “still required” until it is answered right', async () => {
      const w = await world();
      const before = await getLabExercisesHome(w.app, w.ana, w.cohortId, 'en');
      expect(before!.stillRequired.map((r) => [r.key, r.status, r.attemptsLeft])).toEqual([
        ['rate', 'not-attempted', 2],
      ]);
      await answerLabExercise(w.app, w.ana, { ...w.ref('rate'), answers: { rate: '64.28', se: '2.04' } });
      expect((await getLabExercisesHome(w.app, w.ana, w.cohortId, 'en'))!.stillRequired).toEqual([]);
      expect((await getLabExercisesHome(w.app, w.tutor, w.cohortId, 'en'))!.stillRequired).toEqual([]);
      expect(await getLabExercisesHome(w.app, w.outsider, w.cohortId, 'en')).toBeNull();
    });
  });
});
