import { afterEach, describe, expect, it } from 'vitest';
import type { ContentError } from '../../content/content-error.ts';
import { writeCourseDir, type CourseFiles } from '../../content/course.factory.ts';
import { loadCourse } from '../../content/course.loader.ts';
import { loadAssignments } from './assignment.loader.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** An assignment file: the default front matter lines, with `replace` swapping whole top-level entries. */
function assignmentFile(
  replace: Record<string, string | null> = {},
  body = 'Write about your country.',
): string {
  const entries: Record<string, string> = {
    title: 'title: Sources in your country',
    summary: 'summary: Map the sources.',
    week: 'week: 1',
    module: 'module: 01-alpha',
    kind: 'kind: individual',
    due: 'due: { day: 7, time: "23:59" }',
    lateDays: 'lateDays: 3',
    submission: [
      'submission:',
      '  text: required',
      '  wordLimit: 1200',
      '  files: { max: 3, maxFileMb: 10, maxTotalMb: 20, types: [pdf, docx, xlsx] }',
    ].join('\n'),
    grading: [
      'grading:',
      '  maxGrade: 100',
      '  passMark: 50',
      '  rubric:',
      '    - id: sources',
      '      title: Sources',
      '      weight: 60',
      '      levels:',
      '        - { points: 0, title: Missing, descriptor: No source named. }',
      '        - { points: 2, title: Good, descriptor: Every source named. }',
      '    - id: concepts',
      '      title: Concepts',
      '      weight: 40',
      '      levels:',
      '        - { points: 0, title: Missing, descriptor: No concept used. }',
      '        - { points: 1, title: Good, descriptor: Concepts used well. }',
    ].join('\n'),
  };
  for (const [key, value] of Object.entries(replace)) {
    if (value === null) delete entries[key];
    else entries[key] = value;
  }
  return `---\n${Object.values(entries).join('\n')}\n---\n${body}\n`;
}

async function load(files: CourseFiles) {
  const { dir, cleanup } = await writeCourseDir(files);
  cleanups.push(cleanup);
  const course = await loadCourse(dir);
  if (!course.ok) throw new Error(course.errors.map((e) => e.message).join('\n'));
  return loadAssignments(dir, course.course);
}

async function errorsOf(files: CourseFiles): Promise<ContentError[]> {
  const result = await load(files);
  if (result.ok) throw new Error('expected the assignments to fail');
  return result.errors;
}

/** `file:line code` (and the message, for the checks whose wording matters). */
const located = (errors: ContentError[]) =>
  errors.map((e) => `${e.file.split('tiny-course/')[1]}:${e.line} ${e.code}`);

describe('loadAssignments', () => {
  it('loads an assignment with its defaults resolved', async () => {
    const result = await load({ 'assignments/w1-sources.md': assignmentFile() });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const [a] = result.assignments;
    expect(a).toMatchObject({
      id: 'w1-sources',
      week: 1,
      moduleId: '01-alpha',
      kind: 'individual',
      final: false,
      dates: { opens: { week: 1, day: 1 }, due: { week: 1, day: 7, time: '23:59' }, lateDays: 3 },
      submission: {
        text: 'required',
        wordLimit: 1200,
        files: {
          min: 0,
          max: 3,
          maxFileBytes: 10 * 1024 * 1024,
          maxTotalBytes: 20 * 1024 * 1024,
          types: ['pdf', 'docx', 'xlsx'],
        },
      },
      resubmission: { untilDue: true, attempts: 1, reopenDays: null },
      group: null,
      peerReview: null,
      instructions: 'Write about your country.\n',
    });
    expect(a!.grading).toMatchObject({ kind: 'rubric', maxGrade: 100, passMark: 50 });
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has no assignments when the folder does not exist, and skips the authors’ README', async () => {
    expect(await load({})).toMatchObject({ ok: true, assignments: [] });
    expect(await load({ 'assignments/README.md': '# How to write assignments\n' })).toMatchObject({
      ok: true,
      assignments: [],
    });
  });

  it('orders assignments by due day, then time', async () => {
    const result = await load({
      'assignments/b-late.md': assignmentFile({ week: 'week: 2', module: null, due: 'due: { day: 3 }' }),
      'assignments/a-final.md': assignmentFile({
        week: 'week: 2',
        module: null,
        due: 'due: { day: 14 }',
        kind: 'kind: individual\nfinal: true',
      }),
      'assignments/c-first.md': assignmentFile(),
    });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.assignments.map((a) => a.id)).toEqual(['c-first', 'b-late', 'a-final']);
  });

  it('weighs criteria by their top points when no weights are given', async () => {
    const grading = [
      'grading:',
      '  maxGrade: 20',
      '  passMark: 10',
      '  rubric:',
      '    - { id: a, title: A, levels: [{ points: 0, title: No, descriptor: None. }, { points: 12, title: Yes, descriptor: All. }] }',
      '    - { id: b, title: B, levels: [{ points: 2, title: No, descriptor: None. }, { points: 8, title: Yes, descriptor: All. }] }',
    ].join('\n');
    const result = await load({ 'assignments/x.md': assignmentFile({ grading }) });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const scheme = result.assignments[0]!.grading;
    expect(scheme.kind === 'rubric' && scheme.criteria.map((c) => c.weight)).toEqual([12, 8]);
  });

  it('accepts simple points instead of a rubric', async () => {
    const result = await load({
      'assignments/x.md': assignmentFile({ grading: 'grading: { maxGrade: 20, passMark: 10 }' }),
    });
    expect(result.ok && result.assignments[0]!.grading).toEqual({
      kind: 'points',
      maxGrade: 20,
      passMark: 10,
    });
  });

  it('reports schema errors at their line in the file', async () => {
    const errors = await errorsOf({
      'assignments/x.md': assignmentFile({ kind: 'kind: pairs', lateDays: 'lateDays: 3\ncolour: blue' }),
    });
    expect(located(errors)).toEqual([
      'assignments/x.md:6 content.invalid-value',
      'assignments/x.md:9 content.unknown-key',
    ]);
  });

  const refusals: { name: string; replace: Record<string, string | null>; message: string }[] = [
    {
      name: 'weights that do not add up to maxGrade',
      replace: {
        grading:
          'grading:\n  maxGrade: 100\n  passMark: 50\n  rubric:\n    - { id: a, title: A, weight: 90, levels: [{ points: 0, title: N, descriptor: N. }, { points: 1, title: Y, descriptor: Y. }] }',
      },
      message: 'the criterion weights add up to 90, not to maxGrade 100',
    },
    {
      name: 'levels that do not rise',
      replace: {
        grading:
          'grading:\n  maxGrade: 4\n  passMark: 2\n  rubric:\n    - { id: a, title: A, levels: [{ points: 4, title: N, descriptor: N. }, { points: 4, title: Y, descriptor: Y. }] }',
      },
      message: 'levels of `a` must rise: 4 points after 4',
    },
    {
      name: 'a pass mark above the maximum',
      replace: { grading: 'grading: { maxGrade: 20, passMark: 25 }' },
      message: 'passMark 25 is above maxGrade 20',
    },
    {
      name: 'nothing to hand in',
      replace: { submission: 'submission: { text: none }' },
      message: 'with `text: none`, set `files.min` to 1 or more, or learners could hand in nothing',
    },
    {
      name: 'a file size above the platform ceiling',
      replace: {
        submission: 'submission: { text: optional, files: { max: 2, maxFileMb: 200, types: [pdf] } }',
      },
      message: '`submission.files.maxFileMb`: Too big: expected number to be <=20',
    },
    {
      name: 'further attempts without a reopening period',
      replace: { lateDays: 'lateDays: 0\nresubmission: { attempts: 2 }' },
      message: 'attempts above 1 need `reopenDays`',
    },
    {
      name: 'a module taught in another week',
      replace: { module: 'module: 02-beta' },
      message: 'module `02-beta` is taught in week 2, but the assignment is in week 1',
    },
    {
      name: 'a module that does not exist',
      replace: { module: 'module: 09-gamma' },
      message: 'no module `09-gamma` in this course',
    },
    {
      name: 'a week the course does not have',
      replace: { week: 'week: 3', module: null },
      message: 'week 3 is out of range 1–2',
    },
    {
      name: 'a due day before the opening',
      replace: { due: 'due: { day: 2 }\nopens: { day: 4 }' },
      message: 'the due day comes before the day it opens',
    },
    {
      name: 'group settings on an individual assignment',
      replace: { kind: 'kind: individual\ngroup: { maxAdjustment: 10 }' },
      message: '`group` settings need `kind: group`',
    },
    {
      name: 'a group final assignment',
      replace: { kind: 'kind: group\nfinal: true' },
      message: 'the final assignment is individual',
    },
  ];
  it.each(refusals)('refuses $name', async ({ replace, message }) => {
    const errors = await errorsOf({ 'assignments/x.md': assignmentFile(replace) });
    expect(errors.map((e) => e.message)).toContain(message);
  });

  it('refuses two final assignments', async () => {
    const final = assignmentFile({ kind: 'kind: individual\nfinal: true' });
    const errors = await errorsOf({ 'assignments/a.md': final, 'assignments/b.md': final });
    expect(errors.map((e) => e.message)).toEqual([
      'a course has one final assignment; a and b are both marked final',
    ]);
  });

  it('checks glossary terms and lesson links in the instructions, at their line', async () => {
    const body =
      'Use the [[term-01-alpha]] concept.\n\nRead [the lesson](lesson:01-alpha/02-second) and\n[[no-such-term]] and [this](lesson:01-alpha/09-missing).';
    const errors = await errorsOf({ 'assignments/x.md': assignmentFile({}, body) });
    const bodyLine = 30; // the closing `---` of the front matter is on line 29
    expect(errors.map((e) => [e.line - bodyLine, e.code])).toEqual([
      [3, 'content.unknown-term'],
      [3, 'content.broken-link'],
    ]);
  });

  it('refuses a file without front matter, empty instructions, and a file name that is not kebab-case', async () => {
    const errors = await errorsOf({
      'assignments/a.md': 'Just text.\n',
      'assignments/b.md': assignmentFile({}, ''),
      'assignments/Final_Note.md': assignmentFile(),
    });
    expect(errors.map((e) => e.message)).toEqual([
      'file name Final_Note.md: use a kebab-case id',
      'missing front matter (a first line `---`, the settings, then `---`)',
      'the instructions (the Markdown after the front matter) are empty',
    ]);
  });
});

describe('tutor notes', () => {
  it('attaches <id>.tutor.md to its assignment, for staff', async () => {
    const result = await load({
      'assignments/x.md': assignmentFile(),
      'assignments/x.tutor.md': 'Expected: 1.90 months.\n',
    });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.assignments.map((a) => [a.id, a.tutorNotes])).toEqual([['x', 'Expected: 1.90 months.\n']]);
  });

  it('refuses tutor notes without an assignment', async () => {
    const errors = await errorsOf({
      'assignments/x.md': assignmentFile(),
      'assignments/y.tutor.md': 'Notes.\n',
    });
    expect(errors.map((e) => [e.file.split('tiny-course/')[1], e.code])).toEqual([
      ['assignments/y.tutor.md', 'content.file-missing'],
    ]);
  });
});

describe('editorial checks', () => {
  it('refuses authoring notes, a straight apostrophe in French and a figure without a source', async () => {
    const file = assignmentFile(
      { summary: 'summary: Map the sources.\nfr: { title: "L\'inventaire" }' },
      'Intro.\n\n## Context\nMigrants were 4.9% of the labour force.\n\n## Task\nCheck this figure (unverified).',
    );
    const errors = await errorsOf({ 'assignments/x.md': file });
    expect(errors.map((e) => e.code).sort()).toEqual([
      'content.authoring-marker',
      'content.french-apostrophe',
      'content.unsourced-figure',
    ]);
  });

  it('accepts figures with a source, fictitious figures and lengths in words', async () => {
    const body = [
      '## Context',
      'Migrants were 4.7% of the global labour force in 2022 (ILO Global Estimates, 4th edition, 2024).',
      '',
      '## The extract',
      'Fictitious data: costs of USD 1,200 and earnings of 400.',
      '',
      '## What to hand in',
      'Between 2,000 and 3,000 words.',
    ].join('\n');
    const result = await load({ 'assignments/x.md': assignmentFile({}, body) });
    expect(result.ok).toBe(true);
  });
});
