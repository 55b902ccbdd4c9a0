import { contentError, type ContentError } from './content-error.ts';
import type { CourseFile } from './content.schema.ts';
import type { GlossaryTerm } from './course.types.ts';
import { parseLessonTarget } from './markdown.engine.ts';
import type { LoadedModule } from './module.loader.ts';

/** Lines in course.yaml the course-level checks point at. */
export interface CourseLines {
  readonly file: string;
  readonly learningHours: number;
  readonly weeks: number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Each module's hours equal its lessons + presentation + activities, and the modules add up to the course total. */
export function checkHours(
  course: CourseFile,
  lines: CourseLines,
  modules: readonly LoadedModule[],
  complete: boolean,
): ContentError[] {
  const errors: ContentError[] = [];
  for (const { module, file, hoursLine } of modules) {
    const lessons = round(module.lessons.reduce((sum, l) => sum + l.hours, 0));
    const activities = round(module.activities.reduce((sum, a) => sum + a.hours, 0));
    const total = round(lessons + module.presentation.hours + activities);
    if (total !== round(module.hours)) {
      const parts = `lessons ${lessons} + presentation ${module.presentation.hours} + activities ${activities} = ${total}`;
      errors.push(
        contentError(
          file,
          hoursLine,
          'content.hours-mismatch',
          `hours ${module.hours} do not add up: ${parts}`,
        ),
      );
    }
  }
  // Only meaningful when every listed module loaded; otherwise the missing modules are reported already.
  const sum = round(modules.reduce((s, m) => s + m.module.hours, 0));
  if (complete && sum !== round(course.learningHours)) {
    errors.push(
      contentError(
        lines.file,
        lines.learningHours,
        'content.hours-mismatch',
        `learningHours ${course.learningHours} but the modules add up to ${sum}`,
      ),
    );
  }
  return errors;
}

/** Every module's week is one of the course weeks (numbered 1–6). */
export function checkWeeks(
  course: CourseFile,
  lines: CourseLines,
  modules: readonly LoadedModule[],
): ContentError[] {
  const errors: ContentError[] = [];
  const numbers = course.weeks.map((w) => w.number);
  const max = numbers.length;
  numbers.forEach((n, i) => {
    if (n !== i + 1)
      errors.push(
        contentError(
          lines.file,
          lines.weeks,
          'content.week-out-of-range',
          `weeks must be numbered 1–${max} in order; entry ${i + 1} is week ${n}`,
        ),
      );
  });
  for (const { module, file, weekLine } of modules) {
    if (!Number.isInteger(module.week) || module.week < 1 || module.week > max) {
      errors.push(
        contentError(
          file,
          weekLine,
          'content.week-out-of-range',
          `week ${module.week} is out of range 1–${max}`,
        ),
      );
    }
  }
  return errors;
}

/** Term ids are unique across the course; returns the glossary and the errors for duplicates. */
export function mergeGlossaries(modules: readonly LoadedModule[]): {
  glossary: GlossaryTerm[];
  errors: ContentError[];
} {
  const seen = new Map<string, string>();
  const glossary: GlossaryTerm[] = [];
  const errors: ContentError[] = [];
  for (const loaded of modules) {
    for (const term of loaded.module.glossary) {
      const first = seen.get(term.id);
      if (first !== undefined) {
        const line = loaded.glossaryLines.get(term.id) ?? 1;
        errors.push(
          contentError(
            loaded.glossaryFile,
            line,
            'content.duplicate-term',
            `term id \`${term.id}\` is already defined in ${first}`,
          ),
        );
        continue;
      }
      seen.set(term.id, loaded.glossaryFile);
      glossary.push(term);
    }
  }
  return { glossary, errors };
}

/** `[[term]]` references name a known term and `lesson:` links name an existing lesson. */
export function checkReferences(
  modules: readonly LoadedModule[],
  glossary: readonly GlossaryTerm[],
  listed: readonly string[],
): ContentError[] {
  const terms = new Set(glossary.map((t) => t.id));
  const lessons = new Set(modules.flatMap((m) => m.module.lessons.map((l) => `${m.module.id}/${l.id}`)));
  const loadedIds = new Set(modules.map((m) => m.module.id));
  const errors: ContentError[] = [];
  for (const ref of modules.flatMap((m) => m.refs)) {
    if (ref.kind === 'term' && !terms.has(ref.target)) {
      errors.push(
        contentError(ref.file, ref.line, 'content.unknown-term', `unknown glossary term [[${ref.target}]]`),
      );
    } else if (ref.kind === 'lesson') {
      const target = parseLessonTarget(ref.target, ref.moduleId);
      const key = target ? `${target.moduleId}/${target.lessonId}` : '';
      // A link into a listed module that failed to load is not reported twice.
      const unknowable =
        target !== null && listed.includes(target.moduleId) && !loadedIds.has(target.moduleId);
      if (!lessons.has(key) && !unknowable) {
        errors.push(
          contentError(
            ref.file,
            ref.line,
            'content.broken-link',
            `broken link ${ref.target}: no such lesson`,
          ),
        );
      }
    }
  }
  return errors;
}
