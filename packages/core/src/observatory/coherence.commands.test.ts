import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { findRepoRoot } from '../config/config.ts';
import { DomainValidationError, ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { setUpForumWorld } from '../forums/testing/forum-world.ts';
import {
  addCoherenceObjective,
  createCoherenceCase,
  getCoherenceCase,
  listCoherenceCases,
  removeCoherenceObjective,
  scoreCoherencePair,
} from './coherence.commands.ts';
import { coherenceCsv } from './coherence.rules.ts';

const contentDir = join(findRepoRoot(), 'content');

forEachDialect((ctx) => {
  describe('policy-coherence assessments', () => {
    it('builds a matrix: objectives of three policies, scored pairs with evidence, gaps, CSV', async () => {
      const w = await setUpForumWorld(ctx, undefined, { contentDir });
      const { id } = await createCoherenceCase(w.app, w.actors.a1, w.cohortId, {
        title: 'Senegal 2025',
        country: 'SEN',
        owner: 'group',
      });
      const add = (area: 'employment' | 'education' | 'migration', text: string) =>
        addCoherenceObjective(w.app, w.actors.a2, w.cohortId, id, { area, text });
      const e1 = await add('employment', 'Create decent jobs for young people');
      const t1 = await add('education', 'Expand TVET in construction trades');
      const m1 = await add('migration', 'Promote temporary labour migration to the Gulf');
      await scoreCoherencePair(w.app, w.actors.a1, w.cohortId, id, {
        first: e1.id,
        second: t1.id,
        score: 'synergy',
        evidence: 'TVET plan names youth employment as its goal',
      });
      await scoreCoherencePair(w.app, w.actors.a1, w.cohortId, id, {
        first: m1.id,
        second: t1.id,
        score: 'conflict',
        evidence: 'Skilled graduates leave; no return scheme',
      });
      const detail = await getCoherenceCase(w.app, w.actors.tutorB, w.cohortId, id);
      expect(detail.objectives.map((o) => o.code)).toEqual(['E1', 'T1', 'M1']);
      expect(detail.pairs.map((p) => [p.row.code, p.column.code, p.score])).toEqual([
        ['E1', 'T1', 1],
        ['E1', 'M1', null],
        ['T1', 'M1', -1],
      ]);
      expect(detail.summary).toEqual({ conflict: 1, neutral: 0, synergy: 1, gaps: 1 });
      const csv = coherenceCsv(detail.pairs).split('\r\n');
      expect(csv[0]).toBe(
        '\uFEFFrow_code,row_policy,row_objective,column_code,column_policy,column_objective,score,score_value,evidence',
      );
      expect(csv[3]).toBe(
        'T1,education,Expand TVET in construction trades,M1,migration,Promote temporary labour migration to the Gulf,conflict,-1,"Skilled graduates leave; no return scheme"',
      );
      // back to a gap; removing an objective removes its pairs
      await scoreCoherencePair(w.app, w.actors.a1, w.cohortId, id, {
        first: e1.id,
        second: t1.id,
        score: 'none',
      });
      await removeCoherenceObjective(w.app, w.actors.a1, w.cohortId, id, m1.id);
      const after = await getCoherenceCase(w.app, w.actors.a1, w.cohortId, id);
      expect(after.pairs.map((p) => [p.row.code, p.column.code, p.score])).toEqual([['E1', 'T1', null]]);
    });

    it('refuses pairs within one policy, a conflict without evidence, and objectives of another case', async () => {
      const w = await setUpForumWorld(ctx, undefined, { contentDir });
      const { id } = await createCoherenceCase(w.app, w.actors.loner, w.cohortId, {
        title: 'Argentina',
        country: 'ARG',
      });
      const e1 = await addCoherenceObjective(w.app, w.actors.loner, w.cohortId, id, {
        area: 'employment',
        text: 'A',
      });
      const e2 = await addCoherenceObjective(w.app, w.actors.loner, w.cohortId, id, {
        area: 'employment',
        text: 'B',
      });
      const m1 = await addCoherenceObjective(w.app, w.actors.loner, w.cohortId, id, {
        area: 'migration',
        text: 'C',
      });
      const score = (first: string, second: string, s: 'conflict' | 'neutral', evidence = '') =>
        scoreCoherencePair(w.app, w.actors.loner, w.cohortId, id, { first, second, score: s, evidence });
      await expect(score(e1.id, e2.id, 'neutral')).rejects.toMatchObject({ code: 'coherence.same_area' });
      await expect(score(e1.id, e1.id, 'neutral')).rejects.toMatchObject({
        code: 'coherence.same_objective',
      });
      await expect(score(e1.id, m1.id, 'conflict')).rejects.toMatchObject({
        code: 'coherence.evidence_required',
      });
      await expect(score(e1.id, 'nope', 'neutral')).rejects.toThrow(NotFoundError);
      await expect(
        addCoherenceObjective(w.app, w.actors.loner, w.cohortId, id, { area: 'health' as never, text: 'x' }),
      ).rejects.toThrow(DomainValidationError);
      await expect(
        createCoherenceCase(w.app, w.actors.loner, w.cohortId, { title: 'X', country: 'ZZZ' }),
      ).rejects.toMatchObject({ code: 'observatory.country_unknown' });
      expect((await getCoherenceCase(w.app, w.actors.loner, w.cohortId, id)).summary.gaps).toBe(2);
    });

    it('shows an assessment to its owner, its group and staff only; only owners change it', async () => {
      const w = await setUpForumWorld(ctx, undefined, { contentDir });
      const mine = await createCoherenceCase(w.app, w.actors.loner, w.cohortId, {
        title: 'Mine',
        country: 'ARG',
      });
      const ours = await createCoherenceCase(w.app, w.actors.a1, w.cohortId, {
        title: 'Ours',
        country: 'SEN',
        owner: 'group',
      });
      expect((await listCoherenceCases(w.app, w.actors.b1, w.cohortId)).cases).toEqual([]);
      expect((await listCoherenceCases(w.app, w.actors.a2, w.cohortId)).cases.map((c) => c.title)).toEqual([
        'Ours',
      ]);
      expect(
        (await listCoherenceCases(w.app, w.actors.tutorA, w.cohortId)).cases.map((c) => c.title).sort(),
      ).toEqual(['Mine', 'Ours']);
      await expect(getCoherenceCase(w.app, w.actors.b1, w.cohortId, mine.id)).rejects.toThrow(NotFoundError);
      await expect(getCoherenceCase(w.app, w.actors.b1, w.cohortId, ours.id)).rejects.toThrow(NotFoundError);
      await expect(getCoherenceCase(w.app, w.actors.otherCohort, w.cohortId, ours.id)).rejects.toThrow(
        NotFoundError,
      );
      expect((await getCoherenceCase(w.app, w.actors.tutorA, w.cohortId, ours.id)).mayWrite).toBe(false);
      await expect(
        addCoherenceObjective(w.app, w.actors.tutorA, w.cohortId, ours.id, { area: 'employment', text: 'x' }),
      ).rejects.toThrow(ForbiddenError);
      await expect(
        createCoherenceCase(w.app, w.actors.manager, w.cohortId, { title: 'Staff', country: 'FRA' }),
      ).rejects.toThrow(ForbiddenError);
      await expect(listCoherenceCases(w.app, w.actors.outsider, w.cohortId)).rejects.toThrow(NotFoundError);
    });
  });
});
