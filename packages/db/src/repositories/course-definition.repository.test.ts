import { describe, expect, it } from 'vitest';
import { buildCourse, forEachDialect } from '../testing/index.ts';
import { listAssignmentDefinitions } from './assignment.repository.ts';
import { syncCourseDefinitions } from './course-definition.repository.ts';
import { listLabExerciseDefinitions } from './lab-exercise.repository.ts';

const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-02T10:00:00.000Z';
const T3 = '2026-03-03T10:00:00.000Z';
const T4 = '2026-03-04T10:00:00.000Z';

forEachDialect((ctx) => {
  describe('syncCourseDefinitions', () => {
    it('creates, leaves alone, updates in place, retires and brings back assignments by key', async () => {
      const course = await buildCourse(ctx.db);
      const def = (key: string, version: string) => ({
        key,
        columns: { definition: `{"id":"${key}","v":"${version}"}`, content_hash: `${key}-${version}` },
      });
      const rows = async () =>
        (await listAssignmentDefinitions(ctx.db, course.id, { includeRetired: true })).map((r) => ({
          key: r.assignment_key,
          position: r.position,
          hash: r.content_hash,
          retired: r.retired_at,
          created: r.created_at,
          updated: r.updated_at,
        }));

      const sync = (defs: ReturnType<typeof def>[], now: string) =>
        syncCourseDefinitions(ctx.db, 'assignment_definitions', course.id, defs, now);

      expect(await sync([def('essay', '1'), def('team', '1')], T1)).toEqual({
        created: 2,
        updated: 0,
        unchanged: 0,
        retired: 0,
      });
      const ids = new Map(
        (await listAssignmentDefinitions(ctx.db, course.id)).map((r) => [r.assignment_key, r.id]),
      );
      expect(await sync([def('essay', '1'), def('team', '1')], T2)).toEqual({
        created: 0,
        updated: 0,
        unchanged: 2,
        retired: 0,
      });
      // team changes and moves first; essay only moves.
      expect(await sync([def('team', '2'), def('essay', '1')], T3)).toEqual({
        created: 0,
        updated: 2,
        unchanged: 0,
        retired: 0,
      });
      expect(await rows()).toEqual([
        { key: 'team', position: 0, hash: 'team-2', retired: null, created: T1, updated: T3 },
        { key: 'essay', position: 1, hash: 'essay-1', retired: null, created: T1, updated: T3 },
      ]);
      // essay's file leaves the course, then comes back.
      expect(await sync([def('team', '2')], T4)).toEqual({
        created: 0,
        updated: 0,
        unchanged: 1,
        retired: 1,
      });
      expect((await listAssignmentDefinitions(ctx.db, course.id)).map((r) => r.assignment_key)).toEqual([
        'team',
      ]);
      expect((await rows()).find((r) => r.key === 'essay')).toMatchObject({ retired: T4, updated: T4 });
      expect(await sync([def('team', '2'), def('essay', '1')], T4)).toEqual({
        created: 0,
        updated: 1,
        unchanged: 1,
        retired: 0,
      });
      expect((await rows()).find((r) => r.key === 'essay')).toMatchObject({ position: 1, retired: null });
      const after = await listAssignmentDefinitions(ctx.db, course.id);
      expect(after.map((r) => [r.assignment_key, r.id])).toEqual([
        ['team', ids.get('team')],
        ['essay', ids.get('essay')],
      ]);
      // An empty course retires everything.
      expect(await sync([], T4)).toEqual({ created: 0, updated: 0, unchanged: 0, retired: 2 });
    });

    it('stores and updates the extra columns of Lab exercises, one course apart from another', async () => {
      const course = await buildCourse(ctx.db);
      const other = await buildCourse(ctx.db);
      const def = (expected: string) => ({
        key: 'rate',
        columns: { definition: '{"id":"rate"}', content_hash: `h-${expected}`, expected },
      });
      await syncCourseDefinitions(ctx.db, 'lab_exercise_definitions', other.id, [def('{"rate":1}')], T1);
      await syncCourseDefinitions(ctx.db, 'lab_exercise_definitions', course.id, [def('{"rate":1}')], T1);
      expect(
        await syncCourseDefinitions(ctx.db, 'lab_exercise_definitions', course.id, [def('{"rate":2}')], T2),
      ).toEqual({ created: 0, updated: 1, unchanged: 0, retired: 0 });
      const [row] = await listLabExerciseDefinitions(ctx.db, course.id);
      expect([row!.exercise_key, row!.expected, row!.content_hash, row!.created_at, row!.updated_at]).toEqual(
        ['rate', '{"rate":2}', 'h-{"rate":2}', T1, T2],
      );
      const [untouched] = await listLabExerciseDefinitions(ctx.db, other.id);
      expect([untouched!.expected, untouched!.updated_at]).toEqual(['{"rate":1}', T1]);
    });
  });
});
