import { forEachDialect } from '@labmig/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { getCohortGradebook, getLearnerGradebook } from '../../assessment/gradebook/gradebook.queries.ts';
import { gradebookToCsv } from '../../assessment/gradebook/gradebook-csv.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { buildAssignmentWorld } from '../testing/assignment-world.testing.ts';
import { submitWork } from '../work/submission.commands.ts';
import { saveGrade } from './grade.commands.ts';
import { assignmentResults } from './assignment-grades.queries.ts';

forEachDialect((ctx) => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  describe('assignment results and the gradebook', () => {
    it('counts only released grades, with each member’s adjustment, in results, gradebooks and the CSV', async () => {
      const w = await buildAssignmentWorld(ctx);
      app = w.app;
      const essay = await submitWork(w.app, w.ana, w.ref('essay'), { body: 'Census, LFS.', version: null });
      const team = await submitWork(w.app, w.ana, w.ref('team'), { body: 'Our matrix.', version: null });
      const ref = (s: { submissionId: string }) => ({ cohortId: w.cohortId, submissionId: s.submissionId });
      // Essay: 60 × 3/3 + 40 × 2/2 = 100, marked ready only (hidden).
      await saveGrade(w.app, w.tutor, ref(essay), {
        startedFrom: 0,
        action: 'ready',
        levels: { sources: 3, concepts: 2 },
      });
      // Team: 100 × 2/4 = 50, released; Ben gets −10 (40, fails), Ana keeps 50 (passes).
      await saveGrade(w.app, w.tutor, ref(team), {
        startedFrom: 0,
        action: 'save',
        levels: { matrix: 2 },
        adjustments: { [w.ben.userId]: -10 },
      });
      await saveGrade(w.app, w.tutor, ref(team), {
        startedFrom: 1,
        action: 'ready',
        levels: { matrix: 2 },
        adjustments: { [w.ben.userId]: -10 },
      });
      await saveGrade(w.app, w.tutor, ref(team), {
        startedFrom: 2,
        action: 'release',
        levels: { matrix: 2 },
        adjustments: { [w.ben.userId]: -10 },
      });

      const ana = await assignmentResults(w.app.db, w.cohortId, w.ana.userId, w.app.clock.now());
      expect(ana['essay']).toMatchObject({ graded: true, released: false, passed: false, grade: null });
      expect(ana['team']).toMatchObject({ graded: true, released: true, passed: true, grade: 50 });
      expect(ana['quick']).toMatchObject({ graded: false, released: false, passed: false, grade: null });
      const ben = await assignmentResults(w.app.db, w.cohortId, w.ben.userId, w.app.clock.now());
      expect(ben['team']).toMatchObject({ released: true, passed: false, grade: 40 });
      await expect(assignmentResults(w.app.db, 'no-such-cohort', w.ana.userId)).rejects.toMatchObject({
        code: 'cohort.not_found',
      });

      const mine = await getLearnerGradebook(w.app, w.ana, w.cohortId);
      expect(mine.assignments.map((a) => [a.key, a.grade, a.status])).toEqual([
        ['essay', null, 'submitted'],
        ['team', 50, 'passed'],
        ['quick', null, 'not-open'],
      ]);
      expect(mine.finalPassed).toBe(false);

      const book = await getCohortGradebook(w.app, w.tutor, w.cohortId);
      expect(book.assignments.map((a) => a.key)).toEqual(['essay', 'team', 'quick']);
      const lines = gradebookToCsv(book).split('\r\n');
      expect(lines[0]).toBe(
        '\uFEFFname,email,status,passed_all,Sources in your country (/100),Coherence matrix (/100),Quick exercise (/20),final_passed',
      );
      expect(lines.find((l) => l.startsWith('Ana,'))).toMatch(/,no,,50,,no$/);
      expect(lines.find((l) => l.startsWith('Ben,'))).toMatch(/,no,,40,,no$/);
    });
  });
});
