import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { findRepoRoot } from '../config/config.ts';
import {
  ConflictError,
  DomainValidationError,
  ForbiddenError,
  NotFoundError,
} from '../errors/domain-errors.ts';
import { setUpForumWorld } from '../forums/testing/forum-world.ts';
import {
  allocateGroups,
  createGroup,
  deleteGroup,
  importGroupList,
  placeLearner,
  renameGroup,
  setGroupTutor,
} from './group.commands.ts';
import { findLearnerGroup, getGroupsAdmin, listGroups } from './group.queries.ts';
import { join } from 'node:path';

const csv = (text: string) => new TextEncoder().encode(text);

forEachDialect((ctx) => {
  describe('groups', () => {
    it('lists groups with tutors and members for other features, and finds a learner’s group', async () => {
      const w = await setUpForumWorld(ctx);
      const groups = await listGroups(w.app.db, w.cohortId);
      expect(groups.map((g) => [g.name, g.tutor?.name, g.members.map((m) => m.name)])).toEqual([
        ['Group A', 'Tariq Tutor', ['Amir Learner', 'Ana Learner']],
        ['Group B', 'Tess Tutor', ['Ben Learner']],
      ]);
      expect((await findLearnerGroup(w.app.db, w.cohortId, w.users.b1.id))?.name).toBe('Group B');
      expect(await findLearnerGroup(w.app.db, w.cohortId, w.users.loner.id)).toBeNull();
      expect(await findLearnerGroup(w.app.db, w.otherCohortId, w.users.a1.id)).toBeNull();
    });

    it('lets staff manage groups and keeps learners, outsiders and other cohorts out', async () => {
      const w = await setUpForumWorld(ctx);
      await expect(
        createGroup(w.app, w.actors.tutorA, w.cohortId, { name: 'Group C' }),
      ).resolves.toHaveProperty('groupId');
      await expect(
        createGroup(w.app, w.actors.admin, w.cohortId, { name: 'Group D' }),
      ).resolves.toHaveProperty('groupId');
      await expect(createGroup(w.app, w.actors.a1, w.cohortId, { name: 'Mine' })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(createGroup(w.app, w.actors.outsider, w.cohortId, { name: 'X' })).rejects.toThrow(
        NotFoundError,
      );
      await expect(getGroupsAdmin(w.app, w.actors.otherCohort, w.cohortId)).rejects.toThrow(NotFoundError);
      await expect(getGroupsAdmin(w.app, w.actors.b1, w.cohortId)).rejects.toThrow(ForbiddenError);
    });

    it('refuses a name the cohort already has, also from two requests at once', async () => {
      const w = await setUpForumWorld(ctx);
      await expect(createGroup(w.app, w.actors.manager, w.cohortId, { name: 'Group A' })).rejects.toThrow(
        ConflictError,
      );
      await expect(
        renameGroup(w.app, w.actors.manager, w.cohortId, { groupId: w.groupB, name: 'Group A' }),
      ).rejects.toThrow(ConflictError);
      const results = await Promise.allSettled(
        [1, 2, 3].map(() => createGroup(w.app, w.actors.manager, w.cohortId, { name: 'Twins' })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    });

    it('moves learners between groups, one group at a time, and only active learners', async () => {
      const w = await setUpForumWorld(ctx);
      await placeLearner(w.app, w.actors.manager, w.cohortId, { userId: w.users.a1.id, groupId: w.groupB });
      expect((await findLearnerGroup(w.app.db, w.cohortId, w.users.a1.id))?.id).toBe(w.groupB);
      await placeLearner(w.app, w.actors.manager, w.cohortId, { userId: w.users.a1.id, groupId: '' });
      expect(await findLearnerGroup(w.app.db, w.cohortId, w.users.a1.id)).toBeNull();
      for (const who of ['withdrawn', 'tutorB', 'otherCohort'] as const)
        await expect(
          placeLearner(w.app, w.actors.manager, w.cohortId, { userId: w.users[who].id, groupId: w.groupA }),
        ).rejects.toThrow(DomainValidationError);
      await expect(
        setGroupTutor(w.app, w.actors.manager, w.cohortId, { groupId: w.groupA, tutorUserId: w.users.a2.id }),
      ).rejects.toThrow(DomainValidationError);
    });

    it('keeps a group whose forum has discussions, deletes an empty one', async () => {
      const w = await setUpForumWorld(ctx);
      const { startThread } = await import('../forums/thread.commands.ts');
      await startThread(w.app, w.actors.a1, w.cohortId, {
        forumId: w.forums[`group:${w.groupA}`]!,
        title: 'Hi',
        body: 'Hello',
      });
      await expect(deleteGroup(w.app, w.actors.manager, w.cohortId, w.groupA)).rejects.toThrow(ConflictError);
      await deleteGroup(w.app, w.actors.manager, w.cohortId, w.groupB);
      expect((await listGroups(w.app.db, w.cohortId)).map((g) => g.name)).toEqual(['Group A']);
      expect(await findLearnerGroup(w.app.db, w.cohortId, w.users.b1.id)).toBeNull();
    });
  });

  describe('importGroupList', () => {
    it('applies a clean list (semicolons, French headers, Windows-1252) and reports each row', async () => {
      const w = await setUpForumWorld(ctx);
      const text = `Courriel;Groupe;Tuteur\r\nlou.learner@example.org;Équipe C;tess.tutor@example.org\r\nANA.learner@example.org;Group B;\r\nben.learner@example.org;Group B;\r\n`;
      const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
      const report = await importGroupList(w.app, w.actors.manager, w.cohortId, latin1);
      expect(report.ok).toBe(true);
      expect(report.groupsCreated).toBe(1);
      expect(report.rows.map((r) => [r.line, r.outcome])).toEqual([
        [2, 'added'],
        [3, 'moved'],
        [4, 'unchanged'],
      ]);
      const groups = await listGroups(w.app.db, w.cohortId);
      expect(groups.map((g) => [g.name, g.tutor?.name ?? null, g.members.map((m) => m.name)])).toEqual([
        ['Group A', 'Tariq Tutor', ['Amir Learner']],
        ['Group B', 'Tess Tutor', ['Ana Learner', 'Ben Learner']],
        ['Équipe C', 'Tess Tutor', ['Lou Learner']],
      ]);
    });

    it('changes nothing when a row has a problem, and says which rows and why', async () => {
      const w = await setUpForumWorld(ctx);
      const before = await listGroups(w.app.db, w.cohortId);
      const report = await importGroupList(
        w.app,
        w.actors.manager,
        w.cohortId,
        csv(
          'email,group\nlou.learner@example.org,New\nnobody@example.org,New\nwill.learner@example.org,New\n',
        ),
      );
      expect(report.ok).toBe(false);
      expect(report.rows.map((r) => [r.line, r.problem ?? r.outcome])).toEqual([
        [2, 'added'],
        [3, 'group.row_unknown_person'],
        [4, 'group.row_not_learner'],
      ]);
      expect(await listGroups(w.app.db, w.cohortId)).toEqual(before);
    });

    it('refuses a file that is not a group list at all', async () => {
      const w = await setUpForumWorld(ctx);
      const refuse = (bytes: Uint8Array, code: string) =>
        expect(importGroupList(w.app, w.actors.manager, w.cohortId, bytes)).rejects.toMatchObject({ code });
      await refuse(csv('name,team\nx,y\n'), 'group.csv_header');
      await refuse(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), 'group.csv_unreadable');
      await refuse(new Uint8Array(1024 * 1024 + 1).fill(0x41), 'group.csv_too_large');
      await expect(importGroupList(w.app, w.actors.a1, w.cohortId, csv('email,group\n'))).rejects.toThrow(
        ForbiddenError,
      );
    });
  });

  describe('allocateGroups', () => {
    it('puts the learners without a group into balanced new groups by language, with tutors in turn', async () => {
      const w = await setUpForumWorld(ctx);
      // Everyone out of their group first: a1 (fr), a2, b1, loner (en).
      for (const who of ['a1', 'a2', 'b1'] as const)
        await placeLearner(w.app, w.actors.manager, w.cohortId, { userId: w.users[who].id, groupId: '' });
      const result = await allocateGroups(w.app, w.actors.manager, w.cohortId, {
        by: 'language',
        size: 2,
        assignTutors: 'on',
      });
      expect(result.groups.map((g) => [g.name, g.size])).toEqual([
        ['English', 2],
        ['English / French', 2],
      ]);
      const groups = await listGroups(w.app.db, w.cohortId);
      const made = groups.filter((g) => g.name.startsWith('English'));
      expect(made).toHaveLength(2);
      expect(made.map((g) => g.tutor?.name).sort()).toEqual(['Tariq Tutor', 'Tess Tutor']);
      expect(made.flatMap((g) => g.members.map((m) => m.name)).sort()).toEqual([
        'Amir Learner',
        'Ana Learner',
        'Ben Learner',
        'Lou Learner',
      ]);
      await expect(
        allocateGroups(w.app, w.actors.manager, w.cohortId, { by: 'language', size: 2 }),
      ).rejects.toMatchObject({ code: 'group.nothing_to_allocate' });
    });

    it('groups by UN M49 region from the course reference data, and says when that data is missing', async () => {
      const w = await setUpForumWorld(ctx);
      await expect(
        allocateGroups(w.app, w.actors.manager, w.cohortId, { by: 'region', size: 3 }),
      ).rejects.toMatchObject({
        code: 'group.regions_unavailable',
      });
      const app = { ...w.app, config: { ...w.app.config, contentDir: join(findRepoRoot(), 'content') } };
      for (const who of ['a1', 'a2', 'b1'] as const)
        await placeLearner(app, w.actors.manager, w.cohortId, { userId: w.users[who].id, groupId: '' });
      // SN (Sub-Saharan Africa), JO (Western Asia), PH (South-eastern Asia), AR (Latin America and the Caribbean).
      const result = await allocateGroups(app, w.actors.manager, w.cohortId, { by: 'region', size: 2 });
      expect(result.groups.map((g) => [g.name, g.size])).toEqual([
        ['Latin America and the Caribbean / South-eastern Asia', 2],
        ['Sub-Saharan Africa / Western Asia', 2],
      ]);
    });
  });
});
