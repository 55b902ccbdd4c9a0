import { contentError, type ContentError } from './content-error.ts';
import { countWords, isDirectory } from './content-files.ts';
import type { ContentReader } from './content-reader.ts';
import { glossaryFileSchema, lessonFrontMatterSchema, moduleFileSchema, slidesFrontMatterSchema } from './content.schema.ts';
import type { CourseModule, GlossaryTerm, Lesson, Presentation } from './course.types.ts';
import { splitFrontMatter } from './front-matter.ts';
import { findMarkdownReferences } from './markdown.references.ts';
import { parseSlideBody } from './slides.parse.ts';
import { parseYamlSource, validateYaml } from './yaml-source.ts';
import path from 'node:path';

/** A reference found in a text, to be checked once the whole course is loaded. */
export interface ContentRef {
  readonly kind: 'term' | 'lesson';
  readonly target: string;
  readonly file: string;
  readonly line: number;
  readonly moduleId: string;
}

/** A loaded module with what the course-level checks need to point at lines. */
export interface LoadedModule {
  readonly module: CourseModule;
  readonly file: string;
  readonly weekLine: number;
  readonly hoursLine: number;
  readonly refs: ContentRef[];
  readonly glossaryFile: string;
  readonly glossaryLines: ReadonlyMap<string, number>;
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Loads `modules/<id>/`; `where` is the course.yaml line listing it (for a missing folder). */
export async function loadModule(
  reader: ContentReader,
  id: string,
  where: { file: string; line: number },
): Promise<{ ok: true; loaded: LoadedModule } | { ok: false; errors: ContentError[] }> {
  const dir = `modules/${id}`;
  if (!(await isDirectory(path.join(reader.courseDir, dir)))) {
    return { ok: false, errors: [contentError(where.file, where.line, 'content.module-missing', `module folder ${dir} does not exist`)] };
  }
  const file = reader.display(`${dir}/module.yaml`);
  const text = await reader.read(`${dir}/module.yaml`);
  if (text === null) return { ok: false, errors: [contentError(where.file, where.line, 'content.file-missing', `${dir}/module.yaml does not exist`)] };
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) return parsed;
  const valid = validateYaml(moduleFileSchema, parsed.source);
  if (!valid.ok) return valid;
  const spec = valid.value;
  const src = parsed.source;
  const errors: ContentError[] = [];
  const refs: ContentRef[] = [];
  const collect = (markdown: string, refFile: string, firstLine: number): void => {
    const found = findMarkdownReferences(markdown);
    for (const t of found.terms) refs.push({ kind: 'term', target: t.id, file: refFile, line: firstLine + t.line, moduleId: id });
    for (const l of found.lessonLinks) refs.push({ kind: 'lesson', target: l.href, file: refFile, line: firstLine + l.line, moduleId: id });
  };
  // The overview is a folded scalar: lines inside it are not kept, so its references point at the `overview` key.
  for (const r of findMarkdownReferences(spec.overview).terms) refs.push({ kind: 'term', target: r.id, file, line: src.lineOf(['overview']), moduleId: id });

  const lessons: Lesson[] = [];
  for (const [i, lessonId] of spec.lessons.entries()) {
    const rel = `${dir}/lessons/${lessonId}.md`;
    const lessonText = await reader.read(rel);
    if (lessonText === null) {
      errors.push(contentError(file, src.lineOf(['lessons', i]), 'content.lesson-missing', `lesson file lessons/${lessonId}.md does not exist`));
      continue;
    }
    const lesson = loadLesson(reader.display(rel), id, lessonId, lessonText, errors);
    if (lesson) {
      lessons.push(lesson.lesson);
      collect(lesson.lesson.markdown, reader.display(rel), lesson.bodyLine);
    }
  }

  const presentation = await loadPresentation(reader, dir, spec.presentation, src.lineOf(['presentation', 'file']), file, errors, collect);
  const glossary = await loadGlossary(reader, dir, id, errors);
  if (errors.length > 0 || !presentation) return { ok: false, errors };
  const module: CourseModule = {
    id,
    number: Number(id.slice(0, 2)),
    title: spec.title,
    week: spec.week,
    hours: spec.hours,
    overview: spec.overview,
    objectives: spec.objectives,
    lessons,
    presentation,
    activities: spec.activities ?? [],
    readings: spec.readings,
    glossary: glossary.terms,
    ...(spec.fr ? { fr: spec.fr } : {}),
  };
  return {
    ok: true,
    loaded: { module, file, weekLine: src.lineOf(['week']), hoursLine: src.lineOf(['hours']), refs, glossaryFile: glossary.file, glossaryLines: glossary.lines },
  };
}

function loadLesson(file: string, moduleId: string, id: string, text: string, errors: ContentError[]): { lesson: Lesson; bodyLine: number } | null {
  const split = splitFrontMatter(text);
  if (!split) {
    errors.push(contentError(file, 1, 'content.missing-field', 'missing front matter (a first line `---`, then title and hours, then `---`)'));
    return null;
  }
  const parsed = parseYamlSource(split.yaml, file, 1);
  if (!parsed.ok) return void errors.push(...parsed.errors), null;
  const valid = validateYaml(lessonFrontMatterSchema, parsed.source);
  if (!valid.ok) return void errors.push(...valid.errors), null;
  const markdown = split.body.trim();
  const lesson: Lesson = { id, moduleId, title: valid.value.title, hours: valid.value.hours, markdown: split.body, wordCount: countWords(markdown) };
  return { lesson, bodyLine: split.bodyLine };
}

async function loadPresentation(
  reader: ContentReader,
  dir: string,
  spec: { file: string; hours: number; video?: string | null },
  fileLine: number,
  moduleFile: string,
  errors: ContentError[],
  collect: (markdown: string, file: string, firstLine: number) => void,
): Promise<Presentation | null> {
  const rel = `${dir}/${spec.file}`;
  const text = await reader.read(rel);
  if (text === null) return void errors.push(contentError(moduleFile, fileLine, 'content.file-missing', `presentation file ${spec.file} does not exist`)), null;
  const file = reader.display(rel);
  const split = splitFrontMatter(text);
  if (!split) return void errors.push(contentError(file, 1, 'content.missing-field', 'missing front matter with the presentation `title`')), null;
  const parsed = parseYamlSource(split.yaml, file, 1);
  if (!parsed.ok) return void errors.push(...parsed.errors), null;
  const valid = validateYaml(slidesFrontMatterSchema, parsed.source);
  if (!valid.ok) return void errors.push(...valid.errors), null;
  const slides = parseSlideBody(split.body, split.bodyLine);
  if (slides.length === 0) errors.push(contentError(file, split.bodyLine, 'content.slides-invalid', 'the presentation has no slides'));
  for (const slide of slides) {
    if (!slide.title) errors.push(contentError(file, slide.line, 'content.slides-invalid', `slide ${slide.number} has no heading`));
  }
  // Scanning the whole body keeps exact lines; the `---` separators are harmless rules to the Markdown parser.
  collect(split.body, file, split.bodyLine);
  return { file: spec.file, title: valid.value.title, presenter: valid.value.presenter ?? null, hours: spec.hours, video: spec.video ?? null, slides };
}

async function loadGlossary(
  reader: ContentReader,
  dir: string,
  moduleId: string,
  errors: ContentError[],
): Promise<{ terms: GlossaryTerm[]; file: string; lines: Map<string, number> }> {
  const rel = `${dir}/glossary.yaml`;
  const file = reader.display(rel);
  const empty = { terms: [], file, lines: new Map<string, number>() };
  const text = await reader.read(rel);
  if (text === null) return empty;
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) return void errors.push(...parsed.errors), empty;
  const valid = validateYaml(glossaryFileSchema, parsed.source);
  if (!valid.ok) return void errors.push(...valid.errors), empty;
  const lines = new Map<string, number>();
  const terms: GlossaryTerm[] = [];
  for (const [id, entry] of Object.entries(valid.value)) {
    const line = parsed.source.lineOfKey([], id);
    if (!KEBAB.test(id)) errors.push(contentError(file, line, 'content.invalid-value', `term id \`${id}\` is not kebab-case`));
    lines.set(id, line);
    terms.push({ id, moduleId, en: entry.en, fr: entry.fr });
  }
  return { terms, file, lines };
}
