import { contentError, sortContentErrors, type ContentError } from './content-error.ts';
import { createContentReader } from './content-reader.ts';
import { courseFileSchema } from './content.schema.ts';
import { checkHours, checkReferences, checkWeeks, mergeGlossaries } from './course.checks.ts';
import type { Course } from './course.types.ts';
import { loadModule, type LoadedModule } from './module.loader.ts';
import { parseYamlSource, validateYaml } from './yaml-source.ts';

/** Result of {@link loadCourse}: the course and a stable content hash, or every problem found. */
export type LoadCourseResult =
  { ok: true; course: Course; hash: string } | { ok: false; errors: ContentError[] };

/**
 * Loads and validates a course folder (course.yaml, modules, lessons, slides, glossaries). Never throws for bad
 * content: every problem is returned as `file:line` errors, sorted. `hash` is a sha256 of the files loaded, so an
 * importer can skip work when nothing changed.
 */
export async function loadCourse(courseDir: string): Promise<LoadCourseResult> {
  const reader = createContentReader(courseDir);
  const file = reader.display('course.yaml');
  const text = await reader.read('course.yaml');
  if (text === null)
    return {
      ok: false,
      errors: [contentError(file, 1, 'content.file-missing', 'course.yaml does not exist')],
    };
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) return parsed;
  const valid = validateYaml(courseFileSchema, parsed.source);
  if (!valid.ok) return { ok: false, errors: sortContentErrors(valid.errors) };
  const spec = valid.value;
  const errors: ContentError[] = [];
  const loaded: LoadedModule[] = [];
  for (const [i, id] of spec.modules.entries()) {
    if (spec.modules.indexOf(id) !== i) {
      errors.push(
        contentError(
          file,
          parsed.source.lineOf(['modules', i]),
          'content.invalid-value',
          `module ${id} is listed twice`,
        ),
      );
      continue;
    }
    const result = await loadModule(reader, id, { file, line: parsed.source.lineOf(['modules', i]) });
    if (result.ok) loaded.push(result.loaded);
    else errors.push(...result.errors);
  }
  const lines = {
    file,
    learningHours: parsed.source.lineOfKey([], 'learningHours'),
    weeks: parsed.source.lineOfKey([], 'weeks'),
  };
  const { glossary, errors: glossaryErrors } = mergeGlossaries(loaded);
  errors.push(
    ...glossaryErrors,
    ...checkWeeks(spec, lines, loaded),
    ...checkHours(spec, lines, loaded, loaded.length === spec.modules.length),
    ...checkReferences(loaded, glossary, spec.modules),
  );
  if (errors.length > 0) return { ok: false, errors: sortContentErrors(errors) };
  const course: Course = { ...spec, modules: loaded.map((m) => m.module), glossary };
  return { ok: true, course, hash: reader.hash() };
}
