import { afterEach, describe, expect, it } from 'vitest';
import type { ContentError } from './content-error.ts';
import { editDefault, writeCourseDir, type CourseFiles } from './course.factory.ts';
import { loadCourse } from './course.loader.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function load(overrides: CourseFiles = {}) {
  const { dir, cleanup } = await writeCourseDir(overrides);
  cleanups.push(cleanup);
  return { dir, result: await loadCourse(dir) };
}

async function errorsOf(overrides: CourseFiles): Promise<ContentError[]> {
  const { result } = await load(overrides);
  if (result.ok) throw new Error('expected the course to fail');
  return result.errors;
}

/** The error list reduced to `relative-file:line code` for exact comparison. */
function located(errors: ContentError[]): string[] {
  return errors.map((e) => `${e.file.split('tiny-course/')[1]}:${e.line} ${e.code}`);
}

describe('loadCourse', () => {
  it('loads a valid course with its modules, lessons, slides and glossary', async () => {
    const { result } = await load();
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(
      result.course.modules.map((m) => [m.id, m.week, m.lessons.length, m.presentation.slides.length]),
    ).toEqual([
      ['01-alpha', 1, 2, 2],
      ['02-beta', 2, 2, 2],
    ]);
    expect(result.course.glossary.map((t) => t.id)).toEqual(['term-01-alpha', 'term-02-beta']);
    expect(result.course.modules[0]!.presentation.slides[0]!.notes).toBe('Say hi.');
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a missing field at the line of the mapping that lacks it', async () => {
    const errors = await errorsOf(editDefault('modules/01-alpha/module.yaml', '  hours: 0.5\n', ''));
    expect(located(errors)).toEqual(['modules/01-alpha/module.yaml:12 content.missing-field']);
    expect(errors[0]!.message).toBe('missing field `presentation.hours`');
  });

  it('reports a wrong type at the line of the value', async () => {
    const errors = await errorsOf(editDefault('modules/02-beta/module.yaml', 'week: 2', 'week: two'));
    expect(located(errors)).toEqual(['modules/02-beta/module.yaml:2 content.wrong-type']);
  });

  it('reports an unknown key at its own line', async () => {
    const errors = await errorsOf(
      editDefault('course.yaml', 'language: en\n', 'language: en\ncolour: red\n'),
    );
    expect(located(errors)).toEqual(['course.yaml:6 content.unknown-key']);
    expect(errors[0]!.message).toContain('`colour`');
  });

  it('reports a missing module folder at its line in course.yaml', async () => {
    const errors = await errorsOf(editDefault('course.yaml', '  - 02-beta\n', '  - 02-beta\n  - 03-gamma\n'));
    expect(located(errors)).toEqual(['course.yaml:15 content.module-missing']);
  });

  it('reports a missing lesson file at its line in module.yaml', async () => {
    const errors = await errorsOf({ 'modules/01-alpha/lessons/02-second.md': null });
    expect(located(errors)).toEqual(['modules/01-alpha/module.yaml:10 content.lesson-missing']);
  });

  it('reports a lesson listed twice', async () => {
    const errors = await errorsOf(
      editDefault('modules/01-alpha/module.yaml', '  - 02-second\n', '  - 02-second\n  - 01-first\n'),
    );
    expect(located(errors)).toEqual(['modules/01-alpha/module.yaml:11 content.invalid-value']);
  });

  it('reports a broken lesson link at its line in the lesson', async () => {
    const body =
      '---\ntitle: First\nhours: 1\n---\nSee [this](lesson:02-beta/01-first)\nand [that](lesson:02-beta/09-nope).\n';
    const errors = await errorsOf({ 'modules/01-alpha/lessons/01-first.md': body });
    expect(located(errors)).toEqual(['modules/01-alpha/lessons/01-first.md:6 content.broken-link']);
  });

  it('accepts a same-module link written without the module', async () => {
    const body = '---\ntitle: First\nhours: 1\n---\nNext: [second](lesson:02-second).\n';
    const { result } = await load({ 'modules/01-alpha/lessons/01-first.md': body });
    expect(result.ok).toBe(true);
  });

  it('reports an unknown glossary term at its line, in lessons and slides', async () => {
    const lesson = '---\ntitle: First\nhours: 1\n---\nKnown [[term-02-beta]].\n\nUnknown [[no-such-term]].\n';
    const slides = '---\ntitle: Talk\n---\n# One\nHi\n---\n# Two\nA [[ghost|ghost term]]\n';
    const errors = await errorsOf({
      'modules/01-alpha/lessons/01-first.md': lesson,
      'modules/01-alpha/slides.md': slides,
    });
    expect(located(errors)).toEqual([
      'modules/01-alpha/lessons/01-first.md:7 content.unknown-term',
      'modules/01-alpha/slides.md:8 content.unknown-term',
    ]);
  });

  it('ignores [[...]] inside code', async () => {
    const body = '---\ntitle: First\nhours: 1\n---\nWrite `[[term-id]]` to link a term.\n';
    const { result } = await load({ 'modules/01-alpha/lessons/01-first.md': body });
    expect(result.ok).toBe(true);
  });

  it('reports a week out of range at the week line', async () => {
    const errors = await errorsOf(editDefault('modules/02-beta/module.yaml', 'week: 2', 'week: 7'));
    expect(located(errors)).toEqual(['modules/02-beta/module.yaml:2 content.week-out-of-range']);
    expect(errors[0]!.message).toBe('week 7 is out of range 1–2');
  });

  it('reports module hours that do not add up, and a course total that does not match', async () => {
    const errors = await errorsOf(editDefault('modules/01-alpha/module.yaml', 'hours: 3', 'hours: 4'));
    expect(located(errors)).toEqual([
      'course.yaml:6 content.hours-mismatch',
      'modules/01-alpha/module.yaml:3 content.hours-mismatch',
    ]);
    expect(errors[1]!.message).toBe(
      'hours 4 do not add up: lessons 2 + presentation 0.5 + activities 0.5 = 3',
    );
    expect(errors[0]!.message).toBe('learningHours 6 but the modules add up to 7');
  });

  it('reports a duplicate term id in the second glossary that defines it', async () => {
    const glossary =
      'other:\n  en: { term: O, definition: O. }\n  fr: { term: O, definition: O. }\nterm-01-alpha:\n  en: { term: T, definition: T. }\n  fr: { term: T, definition: T. }\n';
    const errors = await errorsOf({ 'modules/02-beta/glossary.yaml': glossary });
    expect(located(errors)).toEqual(['modules/02-beta/glossary.yaml:4 content.duplicate-term']);
  });

  it('reports YAML syntax errors with their line', async () => {
    const errors = await errorsOf(
      editDefault('modules/01-alpha/module.yaml', 'overview: An overview.', 'overview: [unclosed'),
    );
    expect(errors[0]!.code).toBe('content.yaml-syntax');
    expect(errors[0]!.file).toMatch(/modules\/01-alpha\/module\.yaml$/);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a lesson front-matter error on the file line (front matter starts on line 2)', async () => {
    const body = '---\ntitle: First\nhours: lots\n---\nText\n';
    const errors = await errorsOf({ 'modules/01-alpha/lessons/01-first.md': body });
    expect(located(errors)).toEqual(['modules/01-alpha/lessons/01-first.md:3 content.wrong-type']);
  });

  it('reports a slide without a heading', async () => {
    const slides = '---\ntitle: Talk\n---\n# One\nHi\n---\nno heading here\n';
    const errors = await errorsOf({ 'modules/02-beta/slides.md': slides });
    expect(located(errors)).toEqual(['modules/02-beta/slides.md:7 content.slides-invalid']);
  });
});

describe('loadCourse hash', () => {
  it('is identical for identical content in different folders, and changes when a lesson changes', async () => {
    const a = await load();
    const b = await load();
    const c = await load(editDefault('modules/02-beta/lessons/02-second.md', 'World.', 'World!'));
    if (!a.result.ok || !b.result.ok || !c.result.ok) throw new Error('fixtures must load');
    expect(a.dir).not.toBe(b.dir);
    expect(b.result.hash).toBe(a.result.hash);
    expect(c.result.hash).not.toBe(a.result.hash);
  });

  it('does not depend on line endings', async () => {
    const crlf = '---\r\ntitle: First\r\nhours: 1\r\n---\r\nHello.\r\n';
    const a = await load();
    const b = await load({ 'modules/01-alpha/lessons/01-first.md': crlf });
    if (!a.result.ok || !b.result.ok) throw new Error('fixtures must load');
    expect(b.result.hash).toBe(a.result.hash);
  });
});
