import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile, readdir } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from './content.check.ts';
import { defaultCourseFiles, writeCourseFiles, type CourseFiles } from '../content/course.factory.ts';

let root = '';
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = '';
});

/** The factory's module.yaml with objective ids and the given reading (line 17). */
const moduleYaml = (week: number, reading: string): string =>
  (defaultCourseFiles()[`modules/${week === 1 ? '01-alpha' : '02-beta'}/module.yaml`] ?? '')
    .replace(
      '  - Explain one thing\n  - Compute another\n',
      '  - { id: explain, text: Explain one thing }\n  - { id: compute, text: Compute another }\n',
    )
    .replace('  - { title: A reading, publisher: ILO, year: 2018 }', `  - ${reading}`);

const WITH_URL = '{ title: A reading, publisher: ILO, year: 2018, url: "https://example.org/reading" }';

const lesson = (title: string, objective: string, heading: string, body: string): string =>
  `---\ntitle: ${title}\nhours: 1\nobjectives:\n  ${objective}: ["${heading}"]\n---\n## ${heading}\n\n${body}\n`;

const gift = (tagOf: (module: string, objective: string) => string): string =>
  ['01-alpha', '02-beta']
    .map((m, i) =>
      [
        `$CATEGORY: week-${i + 1}/${m}`,
        '',
        tagOf(m, 'explain'),
        `::q${i + 1}-explain::Sky is blue.{T}`,
        '',
        tagOf(m, 'compute'),
        `::q${i + 1}-compute::Two plus two?{#4}`,
        '',
      ].join('\n'),
    )
    .join('\n');

const tag = (module: string, objective: string): string =>
  `// [tag:objective-${module.slice(0, 2)}-${objective}]`;

/** The tiny course with its objectives mapped to lessons and questions: it passes every editorial check. */
function mappedCourse(): CourseFiles {
  const files: CourseFiles = {
    'quizzes/weekly-assessments.yaml': [
      'banks: [w.gift]',
      'defaults: { timeLimitMinutes: 20, attemptsAllowed: 2, gradingMethod: highest, maxGrade: 100, passMark: 60,',
      '  shuffleQuestions: false, shuffleAnswers: false, feedbackMode: after-submission }',
      'quizzes:',
      '  - { id: w1, week: 1, title: Week 1, questions: [{ question: q1-explain }, { question: q1-compute }] }',
    ].join('\n'),
    'quizzes/w.gift': gift(tag),
  };
  for (const [id, week] of [
    ['01-alpha', 1],
    ['02-beta', 2],
  ] as const) {
    files[`modules/${id}/module.yaml`] = moduleYaml(week, WITH_URL);
    files[`modules/${id}/lessons/01-first.md`] = lesson(
      'First',
      'explain',
      'Why it matters',
      'Migrants were 4.9% of the labour force (ILO, 2021).',
    );
    files[`modules/${id}/lessons/02-second.md`] = lesson(
      'Second',
      'compute',
      'Worked example',
      'In a fictitious country, 90 of 900 are unemployed: 10.0%.',
    );
  }
  return files;
}

async function check(overrides: CourseFiles = {}) {
  root = await mkdtemp(path.join(tmpdir(), 'labmig-quality-'));
  await writeCourseFiles(path.join(root, 'courses', 'tiny-course'), { ...mappedCourse(), ...overrides });
  const report = await checkContent(root);
  return report.errors.map((e) => ({ file: path.basename(e.file), line: e.line, code: e.code }));
}

describe('the editorial checks of `labmig content check`', () => {
  it('pass a course whose objectives are taught, tested, sourced and linked', async () => {
    expect(await check()).toEqual([]);
  });

  it('fail on an authoring marker planted in a lesson, a slide note, a glossary or a question', async () => {
    const body = 'Migrants were 4.9% of the labour force (ILO, 2021; unverified).';
    const errors = await check({
      'modules/01-alpha/lessons/01-first.md': lesson('First', 'explain', 'Why it matters', body),
      'modules/02-beta/slides.md': '---\ntitle: Talk\n---\n# One\nHi\n\nNote: as the domain brief says.\n',
      'modules/02-beta/glossary.yaml':
        'term-b:\n  en: { term: Term, definition: A term. }\n  fr: { term: Terme, definition: "Un terme (non vérifié)." }\n',
      'quizzes/w.gift': gift(tag).replace('Sky is blue.', 'Sky is blue (TODO check).'),
    });
    expect(errors.filter((e) => e.code === 'content.authoring-marker')).toEqual([
      { file: '01-first.md', line: 9, code: 'content.authoring-marker' },
      { file: 'glossary.yaml', line: 3, code: 'content.authoring-marker' },
      { file: 'slides.md', line: 7, code: 'content.authoring-marker' },
      { file: 'w.gift', line: 4, code: 'content.authoring-marker' },
    ]);
  });

  it('fail on an objective that no question tests', async () => {
    const untagged = gift((m, o) => (m === '02-beta' && o === 'compute' ? '// no tag here' : tag(m, o)));
    const errors = await check({ 'quizzes/w.gift': untagged });
    expect(errors).toEqual([
      { file: 'w.gift', line: 15, code: 'content.question-untagged' },
      { file: 'module.yaml', line: 7, code: 'content.objective-untested' },
    ]);
  });

  it('fail on an objective that no lesson section teaches, and on a section heading that does not exist', async () => {
    const errors = await check({
      'modules/01-alpha/lessons/02-second.md': lesson('Second', 'explain', 'Worked example', 'No figures.'),
      'modules/02-beta/lessons/01-first.md':
        '---\ntitle: First\nhours: 1\nobjectives:\n  explain: ["Missing heading"]\n---\n## Why it matters\n\nText.\n',
    });
    expect(errors).toEqual([
      { file: '01-first.md', line: 5, code: 'content.unknown-objective' },
      { file: 'module.yaml', line: 7, code: 'content.objective-untaught' },
      { file: 'module.yaml', line: 6, code: 'content.objective-untaught' },
    ]);
  });

  it('fail on a reading without a URL', async () => {
    const errors = await check({
      'modules/02-beta/module.yaml': moduleYaml(2, '{ title: A reading, publisher: ILO, year: 2018 }'),
    });
    expect(errors).toEqual([{ file: 'module.yaml', line: 17, code: 'content.reading-url' }]);
  });

  it('fail on a figure whose section gives no source', async () => {
    const errors = await check({
      'modules/01-alpha/lessons/01-first.md': lesson(
        'First',
        'explain',
        'Why it matters',
        'Migrants were 4.9% of the labour force.\n\n## Another section\n\nA source here does not count (ILO, 2021).',
      ),
    });
    expect(errors).toEqual([{ file: '01-first.md', line: 9, code: 'content.unsourced-figure' }]);
  });

  it('fail on a question filed under another module than the objective it tests', async () => {
    const swapped = gift((m, o) => (m === '01-alpha' && o === 'compute' ? tag('02-beta', o) : tag(m, o)));
    const errors = await check({ 'quizzes/w.gift': swapped });
    expect(errors).toEqual([
      { file: 'w.gift', line: 7, code: 'content.question-misfiled' },
      { file: 'module.yaml', line: 7, code: 'content.objective-untested' },
    ]);
  });

  it('fail on an objective without an id once the course maps its objectives', async () => {
    const errors = await check({
      'modules/02-beta/module.yaml': moduleYaml(2, WITH_URL).replace(
        '{ id: compute, text: Compute another }',
        'Compute another',
      ),
      'modules/02-beta/lessons/02-second.md': lesson('Second', 'explain', 'Worked example', 'No figures.'),
      'quizzes/w.gift': gift((m, o) => (m === '02-beta' && o === 'compute' ? tag(m, 'explain') : tag(m, o))),
    });
    expect(errors).toEqual([{ file: 'module.yaml', line: 7, code: 'content.objective-id' }]);
  });

  it('fail on French text with a straight apostrophe', async () => {
    const errors = await check({
      'modules/01-alpha/glossary.yaml':
        'term-a:\n  en: { term: Term, definition: A term. }\n  fr: { term: Terme, definition: "Un terme de l\'OIT." }\n',
    });
    expect(errors).toEqual([{ file: 'glossary.yaml', line: 3, code: 'content.french-apostrophe' }]);
  });

  it('leave a course that does not map its objectives to the structural checks, apart from markers and sources', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'labmig-quality-'));
    await writeCourseFiles(path.join(root, 'courses', 'tiny-course'));
    expect((await checkContent(root)).errors).toEqual([]);
  });
});

describe('the course in this repository', () => {
  // The objective checks apply to courses that map their objectives; this keeps ours from opting out unnoticed.
  it('maps every objective of every module with an id', async () => {
    const modulesDir = fileURLToPath(
      new URL('../../../../content/courses/measuring-labour-migration/modules', import.meta.url),
    );
    for (const id of await readdir(modulesDir)) {
      const yaml = parseYaml(await readFile(path.join(modulesDir, id, 'module.yaml'), 'utf8')) as {
        objectives: unknown[];
      };
      for (const objective of yaml.objectives)
        expect(objective, id).toMatchObject({ id: expect.any(String) });
    }
  });

  it('passes every structural and editorial check of `labmig content check`', async () => {
    const contentRoot = fileURLToPath(new URL('../../../../content', import.meta.url));
    const report = await checkContent(contentRoot);
    expect(report.errors.map((e) => `${path.relative(contentRoot, e.file)}:${e.line}: ${e.message}`)).toEqual(
      [],
    );
    expect(report.courses.map((c) => c.slug)).toEqual(['measuring-labour-migration']);
  });
});
