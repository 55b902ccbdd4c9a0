import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { corridorValues, countryValues } from './indicators.rules.ts';
import {
  getTableSet,
  listTableSets,
  listTableSetsWithTables,
  parseTablesJson,
  publishTableSet,
  withdrawTableSet,
} from './table-set.commands.ts';

const root = findRepoRoot();
const contentDir = join(root, 'content');
// The practice set's tables as the engine wrote them (`labmig stats tables --format json`).
const practiceJson = readFileSync(join(contentDir, 'data/lab/lfs_small.tables.json'), 'utf8');
const practice = parseTablesJson(practiceJson);

const meta = {
  title: 'Malaysia LFS 2024 (practice)',
  country: 'mys',
  source: 'Synthetic LFS, labmig practice dataset',
  referenceYear: '2024',
  notes: 'Computed in the Lab',
};

forEachDialect((ctx) => {
  describe('published table sets', () => {
    it('publishes a set for a learner and for a group, lists it to the cohort, and reads its tables back', async () => {
      const w = await setUpForumWorld(ctx, undefined, { contentDir });
      const own = await publishTableSet(w.app, w.actors.loner, w.cohortId, { ...meta, tables: practice });
      const group = await publishTableSet(w.app, w.actors.a1, w.cohortId, {
        ...meta,
        title: 'Group A tables',
        owner: 'group',
        tables: practice.filter((t) => t.id.startsWith('sdg')),
      });
      const list = await listTableSets(w.app, w.actors.tutorB, w.cohortId);
      expect(list.sets.map((s) => [s.title, s.country, s.referenceYear, s.owner])).toEqual(
        expect.arrayContaining([
          ['Malaysia LFS 2024 (practice)', 'MYS', 2024, { kind: 'user', name: 'Lou Learner' }],
          ['Group A tables', 'MYS', 2024, { kind: 'group', name: 'Group A' }],
        ]),
      );
      const read = await getTableSet(w.app, w.actors.b1, w.cohortId, own.id);
      expect(read.tables.length).toBe(practice.length);
      const lfpr = read.tables.find((t) => t.id === 'lfpr_gap_sex_age')!;
      // the value in the practice file, written by the engine's command line
      const expected = (
        JSON.parse(practiceJson) as { tables: { id: string; rows: Record<string, unknown>[] }[] }
      ).tables
        .find((t) => t.id === 'lfpr_gap_sex_age')!
        .rows.find((r) => r.sex === 'total' && r.age === 'total')!.estimate;
      expect(lfpr.rows.find((r) => r.sex === 'total' && r.age === 'total')!.estimate).toBe(expected);
      // the group's set is read by everyone of the cohort; its SDG corridors are found
      const withTables = await listTableSetsWithTables(w.app, w.actors.withdrawn, w.cohortId);
      expect(countryValues(withTables.details, 'lfpr_gap').map((v) => [v.country, v.value])).toEqual([
        ['MYS', expected],
      ]);
      expect(
        corridorValues(withTables.details).some((c) => c.origin === 'BGD' && c.destination === 'MYS'),
      ).toBe(true);
      expect(group.id).not.toBe(own.id);
    });

    it('keeps the observatory to the cohort: outsiders, applicants and other cohorts are refused', async () => {
      const w = await setUpForumWorld(ctx, undefined, { contentDir });
      await expect(listTableSets(w.app, w.actors.outsider, w.cohortId)).rejects.toThrow(NotFoundError);
      await expect(listTableSets(w.app, w.actors.otherCohort, w.cohortId)).rejects.toThrow(NotFoundError);
      await expect(listTableSets(w.app, w.actors.waitlisted, w.cohortId)).rejects.toThrow(ForbiddenError);
      // staff read but never publish for a learner; a withdrawn learner reads but no longer publishes
      await expect(
        publishTableSet(w.app, w.actors.tutorA, w.cohortId, { ...meta, tables: practice }),
      ).rejects.toThrow(ForbiddenError);
      await expect(
        publishTableSet(w.app, w.actors.withdrawn, w.cohortId, { ...meta, tables: practice }),
      ).rejects.toThrow(ForbiddenError);
      // a learner without a group cannot publish for one
      await expect(
        publishTableSet(w.app, w.actors.loner, w.cohortId, { ...meta, owner: 'group', tables: practice }),
      ).rejects.toThrow(ConflictError);
    });

    it('refuses bad input and saves nothing', async () => {
      const w = await setUpForumWorld(ctx, undefined, { contentDir });
      const attempt = (over: Record<string, unknown>) =>
        publishTableSet(w.app, w.actors.a1, w.cohortId, { ...meta, tables: practice, ...over } as never);
      await expect(attempt({ country: 'XXX' })).rejects.toMatchObject({
        code: 'observatory.country_unknown',
      });
      await expect(attempt({ title: '  ' })).rejects.toMatchObject({
        fields: { title: 'validation.invalid' },
      });
      await expect(attempt({ referenceYear: '19' })).rejects.toThrow(DomainValidationError);
      await expect(attempt({ tables: [{ id: 'x' }] })).rejects.toMatchObject({
        code: 'observatory.tables_invalid',
      });
      expect(() => parseTablesJson('{not json')).toThrow(DomainValidationError);
      expect(() => parseTablesJson('[]')).toThrow(DomainValidationError);
      expect((await listTableSets(w.app, w.actors.a1, w.cohortId)).sets).toEqual([]);
    });

    it('lets the owner, a group member or staff withdraw a set, and nobody else', async () => {
      const w = await setUpForumWorld(ctx, undefined, { contentDir });
      const own = await publishTableSet(w.app, w.actors.loner, w.cohortId, { ...meta, tables: practice });
      const group = await publishTableSet(w.app, w.actors.a1, w.cohortId, {
        ...meta,
        owner: 'group',
        tables: practice,
      });
      await expect(withdrawTableSet(w.app, w.actors.b1, w.cohortId, own.id)).rejects.toThrow(ForbiddenError);
      await expect(withdrawTableSet(w.app, w.actors.b1, w.cohortId, group.id)).rejects.toThrow(
        ForbiddenError,
      );
      await expect(withdrawTableSet(w.app, w.actors.otherCohort, w.cohortId, own.id)).rejects.toThrow(
        NotFoundError,
      );
      const seen = await listTableSets(w.app, w.actors.a2, w.cohortId);
      expect(seen.sets.map((s) => [s.id, s.mayWithdraw])).toEqual(
        expect.arrayContaining([
          [own.id, false],
          [group.id, true],
        ]),
      );
      await withdrawTableSet(w.app, w.actors.a2, w.cohortId, group.id);
      await withdrawTableSet(w.app, w.actors.tutorB, w.cohortId, own.id);
      await expect(withdrawTableSet(w.app, w.actors.manager, w.cohortId, own.id)).rejects.toThrow(
        ConflictError,
      );
      expect((await listTableSets(w.app, w.actors.a1, w.cohortId)).sets).toEqual([]);
      await expect(getTableSet(w.app, w.actors.a1, w.cohortId, own.id)).rejects.toThrow(NotFoundError);
    });
  });
});
