import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { progressGridToCsv } from './progress-grid-csv.ts';
import { getProgressGrid } from './progress-grid.queries.ts';
import { markLesson } from './progress.commands.ts';
import { setUpLearning } from './testing/learning-setup.ts';

/** A small RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i++;
    } else field += c;
  }
  return records;
}

forEachDialect((ctx) => {
  describe('getProgressGrid', () => {
    it('shows tutors learners × lessons with completion times, and exports it as safe CSV', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      await markLesson(app, actors.learner, {
        cohortId,
        moduleId: '01-alpha',
        lessonId: '02-second',
        done: true,
      });
      app.clock.set('2026-03-06T10:00:00.000Z');
      await markLesson(app, actors.other, {
        cohortId,
        moduleId: '01-alpha',
        lessonId: '01-first',
        done: true,
      });
      const grid = await getProgressGrid(app, actors.tutor, cohortId);
      expect(grid.items.map((i) => [i.label, i.title, i.state])).toEqual([
        ['M01 L1', 'First', 'open'],
        ['M01 L2', 'Second', 'open'],
        ['M02 L1', 'First', 'outline'],
        ['M02 L2', 'Second', 'outline'],
      ]);
      // Roster order is by name: '=Bob' sorts before 'Ana'; the waitlisted learner is left out.
      expect(grid.rows.map((r) => [r.name, r.status, r.cells])).toEqual([
        ['=Bob', 'active', ['2026-03-06T10:00:00.000Z', null, null, null]],
        ['Ana', 'active', [null, '2026-03-05T09:00:00.000Z', null, null]],
        ['Will', 'withdrawn', [null, null, null, null]],
      ]);
      expect(grid.doneCounts).toEqual([1, 1, 0, 0]);
      const csv = progressGridToCsv(grid);
      expect(csv.endsWith('\r\n')).toBe(true);
      // A byte order mark first, so that Excel reads the UTF-8 text as UTF-8.
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const records = readCsv(csv.slice(1));
      expect(records[0]).toEqual([
        'name',
        'email',
        'status',
        'lessons_done',
        'lessons_total',
        'hours_done',
        'hours_total',
        'M01 L1 First',
        'M01 L2 Second',
        'M02 L1 First',
        'M02 L2 Second',
      ]);
      expect(records[1]).toEqual([
        "'=Bob",
        "'=bob@example.org",
        'active',
        '1',
        '4',
        '1',
        '6',
        '2026-03-06T10:00:00.000Z',
        '',
        '',
        '',
      ]);
      expect(records).toHaveLength(4);
    });

    it('lets managers and site admins in', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      expect((await getProgressGrid(app, actors.manager, cohortId)).rows).toHaveLength(3);
      expect((await getProgressGrid(app, actors.admin, cohortId)).rows).toHaveLength(3);
    });

    it.each(['learner', 'waitlisted', 'withdrawn', 'outsider'] as const)('refuses the %s', async (who) => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      await expect(getProgressGrid(app, actors[who], cohortId)).rejects.toThrow(ForbiddenError);
    });

    it('refuses anonymous visitors', async () => {
      const { app, cohortId } = await setUpLearning(ctx);
      await expect(getProgressGrid(app, { kind: 'anonymous' }, cohortId)).rejects.toThrow(
        UnauthenticatedError,
      );
    });
  });
});
