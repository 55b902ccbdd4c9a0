import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { findRepoRoot } from '../config/config.ts';
import { loadCourse } from '../content/course.loader.ts';
import { presentForum } from './forum.present.ts';
import { exerciseDueAt } from './group-workspace.queries.ts';

const COURSE_DIR = join(findRepoRoot(), 'content', 'courses', 'measuring-labour-migration');

describe('the real course’s forums', () => {
  it('gives every module a discussion prompt in English and French', async () => {
    const loaded = await loadCourse(COURSE_DIR);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 3)));
    expect(loaded.course.modules).toHaveLength(10);
    for (const m of loaded.course.modules) {
      expect(m.forum?.prompt.length, m.id).toBeGreaterThan(200);
      expect(m.forum?.fr?.prompt.length, m.id).toBeGreaterThan(200);
      expect(m.forum!.fr!.prompt, m.id).not.toBe(m.forum!.prompt);
      const row = {
        id: 'f',
        cohort_id: 'c',
        slot: `module:${m.id}`,
        kind: 'module' as const,
        module_id: m.id,
        group_id: null,
        title: null,
        intro: null,
        group_mode: 'none' as const,
        position: 0,
        created_at: '',
        updated_at: '',
      };
      const fr = presentForum(row, loaded.course, new Map(), 'fr');
      expect(fr.label).toBe(`Module ${m.number} · ${m.fr!.title}`);
      expect(fr.introHtml).toContain('<p>');
    }
  });

  it('has the module 7 group exercise, due with its group assignment (week 5, day 3, 23:59)', async () => {
    const loaded = await loadCourse(COURSE_DIR);
    if (!loaded.ok) throw new Error('content');
    const withExercise = loaded.course.modules.filter((m) => m.groupExercise);
    expect(withExercise.map((m) => m.id)).toEqual(['07-data-for-evidence-based-policy']);
    const ex = withExercise[0]!.groupExercise!;
    expect(ex).toMatchObject({
      assignment: 'w4-group-coherence-matrix',
      due: { week: 5, day: 3, time: '23:59' },
    });
    expect(ex.fr?.instructions).toContain('forum');
    // A cohort starting Monday 26 October 2020 in Rome: week 5, day 3 is Wednesday 25 November, 23:59 local.
    expect(exerciseDueAt('2020-10-26', 'Europe/Rome', ex.due).toISOString()).toBe('2020-11-25T22:59:00.000Z');
  });
});
