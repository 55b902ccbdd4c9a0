import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Files of a course folder by relative path; `null` removes a file from the defaults. (Test helper.) */
export type CourseFiles = Record<string, string | null>;

const lesson = (title: string, hours: number, body: string): string =>
  `---\ntitle: ${title}\nhours: ${hours}\n---\n${body}\n`;

/** A small valid course: 2 weeks, 2 modules of 3 hours, each with 2 lessons, slides and a glossary. */
export function defaultCourseFiles(): CourseFiles {
  const files: CourseFiles = {
    'course.yaml': [
      'slug: tiny-course',
      'title: Tiny course',
      'summary: A course for tests.',
      'description: Two modules.',
      'language: en',
      'learningHours: 6',
      'weeks:',
      '  - { number: 1, title: First week }',
      '  - { number: 2, title: Second week }',
      'editions:',
      '  - { id: "2020", title: 2020 edition, start: 2020-10-26, end: 2020-12-04, language: en, timeZone: Europe/Rome }',
      'modules:',
      '  - 01-alpha',
      '  - 02-beta',
      'topics: [Alpha, Beta]',
      'mainObjective: Learn.',
      'outcomes: [Know alpha]',
      'targetGroups:',
      '  - { id: nso, label: Statisticians }',
      'pillars:',
      '  - { id: assessment, title: Assessment, items: [Weekly quiz] }',
      'assessment: { weeklyAssessments: true, assignments: One, certificate: { name: Certificate, rule: Pass all } }',
      'organisers:',
      '  - { name: ITCILO }',
      'faq:',
      '  - { question: Why?, answer: Because. }',
      '',
    ].join('\n'),
  };
  for (const [id, week] of [
    ['01-alpha', 1],
    ['02-beta', 2],
  ] as const) {
    files[`modules/${id}/module.yaml`] = [
      `title: Module ${id}`,
      `week: ${week}`,
      'hours: 3',
      'overview: An overview.',
      'objectives:',
      '  - Explain one thing',
      '  - Compute another',
      'lessons:',
      '  - 01-first',
      '  - 02-second',
      'presentation:',
      '  file: slides.md',
      '  hours: 0.5',
      'activities:',
      '  - { title: Forum, hours: 0.5 }',
      'readings:',
      '  - { title: A reading, publisher: ILO, year: 2018 }',
      '',
    ].join('\n');
    files[`modules/${id}/lessons/01-first.md`] = lesson('First', 1, 'Hello.');
    files[`modules/${id}/lessons/02-second.md`] = lesson('Second', 1, 'World.');
    files[`modules/${id}/slides.md`] = '---\ntitle: Talk\n---\n# One\nHi\n\nNote: Say hi.\n---\n# Two\nBye\n';
    files[`modules/${id}/glossary.yaml`] =
      `term-${id}:\n  en: { term: Term, definition: A term. }\n  fr: { term: Terme, definition: Un terme. }\n`;
  }
  return files;
}

/** Writes a course folder in a fresh temp dir; returns its path and a cleanup function. */
export async function writeCourseDir(
  overrides: CourseFiles = {},
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'labmig-content-'));
  const dir = path.join(root, 'tiny-course');
  await writeCourseFiles(dir, overrides);
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Writes the default course files with `overrides` applied into `dir`. */
export async function writeCourseFiles(dir: string, overrides: CourseFiles = {}): Promise<void> {
  const files = { ...defaultCourseFiles(), ...overrides };
  await mkdir(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) continue;
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
}

/** Replaces one exact line-level fragment in a default file (fails loudly when the fragment is absent). */
export function editDefault(rel: string, from: string, to: string): CourseFiles {
  const text = defaultCourseFiles()[rel];
  if (!text || !text.includes(from)) throw new Error(`editDefault: ${rel} has no ${JSON.stringify(from)}`);
  return { [rel]: text.replace(from, to) };
}
