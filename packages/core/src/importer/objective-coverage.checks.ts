import type { Question } from '../assessment/gift/gift.types.ts';
import { contentError, type ContentError } from '../content/content-error.ts';
import { objectiveTagsAt, type LessonObjectiveEntry, type ObjectiveEntry } from '../content/objective-map.ts';

/** What the coverage check needs to know about one module, read from its files. */
export interface ModuleObjectives {
  /** Folder name, e.g. `02-icls-guidelines`. */
  readonly id: string;
  readonly number: number;
  readonly file: string;
  readonly objectives: readonly ObjectiveEntry[];
  readonly lessons: readonly {
    readonly file: string;
    readonly entries: readonly LessonObjectiveEntry[];
    readonly headings: ReadonlySet<string>;
  }[];
}

/** A bank question with the GIFT file it is in and that file's text (for its `[tag:…]` comments). */
export interface TaggableQuestion {
  readonly question: Question;
  readonly file: string;
  readonly source: string;
}

/**
 * Every objective has an id, is taught by at least one lesson section and tested by at least one question; every
 * lesson entry names a known objective and an existing heading; every question carries an objective tag of the
 * module its category belongs to.
 */
export function checkObjectiveCoverage(
  modules: readonly ModuleObjectives[],
  questions: readonly TaggableQuestion[],
): ContentError[] {
  const errors: ContentError[] = [];
  const known = new Map<string, Set<string>>(); // module number → objective ids
  const key = (n: number, id: string) => `${String(n).padStart(2, '0')}/${id}`;
  const taught = new Set<string>();
  const tested = new Set<string>();

  for (const m of modules) {
    const ids = new Set<string>();
    for (const o of m.objectives) {
      if (o.id === null)
        errors.push(
          contentError(
            m.file,
            o.line,
            'content.objective-id',
            'objective without an id: write it as { id: …, text: … }',
          ),
        );
      else if (ids.has(o.id))
        errors.push(
          contentError(
            m.file,
            o.line,
            'content.objective-id',
            `objective id \`${o.id}\` is used twice in this module`,
          ),
        );
      else ids.add(o.id);
    }
    known.set(String(m.number), ids);
    for (const lesson of m.lessons)
      for (const e of lesson.entries) {
        if (!ids.has(e.objective)) {
          errors.push(
            contentError(
              lesson.file,
              e.line,
              'content.unknown-objective',
              `\`${e.objective}\` is not an objective of ${m.id}`,
            ),
          );
          continue;
        }
        const missing = e.headings.filter((h) => !lesson.headings.has(h));
        for (const h of missing)
          errors.push(
            contentError(
              lesson.file,
              e.line,
              'content.unknown-objective',
              `no heading "${h}" in this lesson (objective \`${e.objective}\`)`,
            ),
          );
        if (e.headings.length > missing.length) taught.add(key(m.number, e.objective));
      }
  }

  const moduleOfCategory = (category: string) =>
    modules.find((m) => category.split('/').includes(m.id)) ?? null;
  for (const { question, file, source } of questions) {
    if (question.type === 'description') continue;
    const tags = objectiveTagsAt(source, question.line);
    const where = (code: Parameters<typeof contentError>[2], message: string) =>
      errors.push(contentError(file, question.line, code, `question "${question.name}": ${message}`));
    if (tags.length === 0)
      where(
        'content.question-untagged',
        'no objective tag; add a comment `// [tag:objective-NN-id]` above it',
      );
    const home = moduleOfCategory(question.category);
    for (const t of tags) {
      if (!known.get(String(t.module))?.has(t.objective)) {
        where(
          'content.unknown-objective',
          `tag objective-${String(t.module).padStart(2, '0')}-${t.objective} names no objective`,
        );
        continue;
      }
      if (home && home.number !== t.module)
        where(
          'content.question-misfiled',
          `it tests an objective of module ${String(t.module).padStart(2, '0')} but is filed under ${question.category}`,
        );
      tested.add(key(t.module, t.objective));
    }
  }

  for (const m of modules)
    for (const o of m.objectives) {
      if (o.id === null) continue;
      if (!taught.has(key(m.number, o.id)))
        errors.push(
          contentError(
            m.file,
            o.line,
            'content.objective-untaught',
            `objective \`${o.id}\` is taught by no lesson section (map it in a lesson's front matter)`,
          ),
        );
      if (!tested.has(key(m.number, o.id)))
        errors.push(
          contentError(
            m.file,
            o.line,
            'content.objective-untested',
            `objective \`${o.id}\` is tested by no question (tag one with objective-${String(m.number).padStart(2, '0')}-${o.id})`,
          ),
        );
    }
  return errors;
}
