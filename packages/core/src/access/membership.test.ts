import { describe, expect, it } from 'vitest';
import { buildCohort, buildEnrolment, buildUser, forEachDialect } from '@labmig/db/testing';
import { actorOf } from '../accounts/user.present.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { can } from './can.ts';
import { loadCohortAccess } from './membership.ts';

forEachDialect((ctx) => {
  describe('loadCohortAccess', () => {
    async function setUp() {
      const here = await buildCohort(ctx.db, { title: 'Here' });
      const there = await buildCohort(ctx.db, { title: 'There' });
      const mona = await buildUser(ctx.db);
      const tariq = await buildUser(ctx.db);
      const mine = await buildEnrolment(ctx.db, { cohort_id: here.id, user_id: mona.id, role: 'manager' });
      await buildEnrolment(ctx.db, { cohort_id: there.id, user_id: tariq.id, role: 'tutor' });
      // Someone else's place in the same cohort must never be read as Tariq's.
      await buildEnrolment(ctx.db, { cohort_id: here.id, user_id: (await buildUser(ctx.db)).id });
      return { here, there, mona, tariq, mine };
    }

    it('reads the actor’s own membership of the cohort, with its role and status', async () => {
      const { here, mona, mine } = await setUp();
      const { cohort, access } = await loadCohortAccess(ctx.db, actorOf(mona), here.id);
      expect(cohort.title).toBe('Here');
      expect(access).toEqual({
        kind: 'cohort',
        cohortId: here.id,
        membership: {
          userId: mona.id,
          cohortId: here.id,
          enrolmentId: mine.id,
          role: 'manager',
          status: 'active',
        },
      });
      expect(can(actorOf(mona), 'roster.view', access)).toBe(true);
    });

    it('gives a member of another cohort no membership here', async () => {
      const { here, tariq } = await setUp();
      const { access } = await loadCohortAccess(ctx.db, actorOf(tariq), here.id);
      expect(access.membership).toBeNull();
      expect(can(actorOf(tariq), 'grade.manual', access)).toBe(false);
    });

    it('gives anonymous visitors no membership', async () => {
      const { here } = await setUp();
      const { access } = await loadCohortAccess(ctx.db, { kind: 'anonymous' }, here.id);
      expect(access.membership).toBeNull();
    });

    it('says a cohort that does not exist was not found', async () => {
      const { mona } = await setUp();
      await expect(loadCohortAccess(ctx.db, actorOf(mona), 'no-such-cohort')).rejects.toThrow(
        new NotFoundError('cohort.not_found'),
      );
    });
  });
});
