import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatContentError } from '../../content/content-error.ts';
import { loadCourse } from '../../content/course.loader.ts';
import type { Course } from '../../content/course.types.ts';
import { submissionWindow } from '../submission/submission-window.rules.ts';
import type { AssignmentDefinition } from './assignment-definition.ts';
import { loadAssignments } from './assignment.loader.ts';

const courseDir = fileURLToPath(
  new URL('../../../../../content/courses/measuring-labour-migration', import.meta.url),
);

let course: Course;
let assignments: AssignmentDefinition[];

beforeAll(async () => {
  const loaded = await loadCourse(courseDir);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatContentError).join('\n'));
  course = loaded.course;
  const result = await loadAssignments(courseDir, course);
  if (!result.ok) throw new Error(result.errors.map(formatContentError).join('\n'));
  assignments = result.assignments;
});

describe('the assignments of "Measuring and Analyzing Labour Migration"', () => {
  it('give an individual country assignment in each of weeks 1–5', () => {
    for (const week of [1, 2, 3, 4, 5]) {
      const individual = assignments.filter((a) => a.week === week && a.kind === 'individual' && !a.final);
      expect(individual.length, `week ${week}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('give the module 7 group assignment, graded with a rubric and an individual adjustment', () => {
    const group = assignments.filter((a) => a.kind === 'group');
    expect(group.map((a) => a.moduleId)).toEqual(['07-data-for-evidence-based-policy']);
    expect(group[0]!.grading.kind).toBe('rubric');
    expect(group[0]!.group?.maxAdjustment).toBeGreaterThan(0);
  });

  it('end with one final assignment: individual, in week 6, with a rubric, a pass mark and a second attempt', () => {
    const finals = assignments.filter((a) => a.final);
    expect(finals).toHaveLength(1);
    const final = finals[0]!;
    expect(final).toMatchObject({ kind: 'individual', week: 6, resubmission: { attempts: 2 } });
    expect(final.grading.kind).toBe('rubric');
    const criteria = final.grading.kind === 'rubric' ? final.grading.criteria.map((c) => c.id) : [];
    expect(criteria).toEqual([
      'sources',
      'concepts',
      'indicators',
      'sdg-10-7-1',
      'coherence',
      'presentation',
    ]);
    expect(final.grading.passMark).toBeGreaterThan(0);
    expect(assignments[assignments.length - 1]!.id).toBe(final.id);
  });

  it('fall due and close within three weeks of the end of the 2020 edition, after they open', () => {
    const edition = course.editions[0]!;
    const cohort = { startsOn: edition.start, timeZone: edition.timeZone };
    const end = Date.parse(`${edition.end}T23:59:00Z`) + 21 * 86_400_000;
    for (const a of assignments) {
      const w = submissionWindow(cohort, a.dates);
      expect(w.opensAt.getTime(), a.id).toBeLessThan(w.dueAt.getTime());
      expect(w.cutOffAt.getTime(), a.id).toBeLessThanOrEqual(end);
    }
  });

  it('accept only file types a tutor can open, each within the platform ceilings', () => {
    for (const a of assignments) {
      const files = a.submission.files;
      if (!files) continue;
      expect(
        files.types.every((t) =>
          ['pdf', 'docx', 'odt', 'xlsx', 'ods', 'csv', 'pptx', 'odp', 'png', 'jpeg'].includes(t),
        ),
        a.id,
      ).toBe(true);
      expect(files.maxTotalBytes, a.id).toBeGreaterThanOrEqual(files.maxFileBytes);
    }
  });

  it('carry no authoring notes in what learners read', () => {
    const markers =
      /\bunverified\b|\b(?:this|the|course|domain|research) brief\b|\bTODO\b|\bFIXME\b|\bTBD\b|lorem ipsum/i;
    for (const a of assignments) {
      const learnerText = [a.title, a.summary, a.fr?.title ?? '', a.fr?.summary ?? '', a.instructions].join(
        '\n',
      );
      expect(learnerText, a.id).not.toMatch(markers);
    }
  });
});

describe('the SDG 10.7.1 exercise and its tutor notes agree', () => {
  /** The eligible rows of the extract, read from the instructions (worker, sex, costs, earnings, weight). */
  function eligibleWorkers(): { sex: string; cost: number; earnings: number; weight: number }[] {
    const a = assignments.find((x) => x.id === 'w6-recruitment-cost-indicator')!;
    const rows = a.instructions
      .split('\n')
      .filter((l) => /^\| \d+ \|/.test(l))
      .map((l) => l.split('|').map((c) => c.trim()));
    return rows
      .filter((c) => c[3] === 'employee' || c[3]!.startsWith('employee ('))
      .filter((c) => !/^[4-9] years/.test(c[4]!) && c[6] !== 'not reported')
      .map((c) => ({
        sex: c[2]!,
        cost: Number(c[5]!.replace(',', '')),
        earnings: Number(c[6]!.replace(',', '')),
        weight: Number(c[7]),
      }));
  }

  it('leaves out the self-employed worker, the first job outside the window and the missing earnings', () => {
    expect(eligibleWorkers()).toHaveLength(8);
  });

  it('gives the weighted mean of ratios, the ratio of totals and the means by sex quoted in the notes', () => {
    const workers = eligibleWorkers();
    const mean = (ws: typeof workers) =>
      ws.reduce((s, w) => s + (w.weight * w.cost) / w.earnings, 0) / ws.reduce((s, w) => s + w.weight, 0);
    const notes = assignments.find((x) => x.id === 'w6-recruitment-cost-indicator')!.tutorNotes!;
    const quoted = (label: RegExp) => Number(notes.match(label)![1]);
    expect(mean(workers)).toBeCloseTo(quoted(/1,520 ÷ 800 = \*\*([\d.]+)\*\*/), 2);
    expect(mean(workers.filter((w) => w.cost > 0))).toBeCloseTo(quoted(/1,520 ÷ 700 = \*\*([\d.]+)\*\*/), 2);
    const totals =
      workers.reduce((s, w) => s + w.weight * w.cost, 0) /
      workers.reduce((s, w) => s + w.weight * w.earnings, 0);
    expect(totals).toBeCloseTo(quoted(/343,500 = \*\*([\d.]+)\*\*/), 2);
    expect(mean(workers.filter((w) => w.sex === 'woman'))).toBeCloseTo(
      quoted(/985 ÷ 470 = \*\*([\d.]+)\*\*/),
      2,
    );
    expect(mean(workers.filter((w) => w.sex === 'man'))).toBeCloseTo(
      quoted(/535 ÷ 330 = \*\*([\d.]+)\*\*/),
      2,
    );
  });
});
