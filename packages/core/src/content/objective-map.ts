import { splitFrontMatter } from './front-matter.ts';
import { parseYamlSource } from './yaml-source.ts';

/**
 * The explicit map from a module's learning objectives to what teaches and tests them (docs/content-format.md,
 * "Objectives, sections and questions"):
 * - module.yaml: `objectives: [{ id: classify-persons, text: … }]` — ids are kebab-case, unique in the module;
 * - a lesson's front matter: `objectives: { classify-persons: [Five persons, classified] }` — objective id → the
 *   `##`/`###` headings of that lesson that teach it;
 * - a GIFT question: a comment line `// [tag:objective-02-classify-persons]` in the question's block, the tag
 *   syntax Moodle's GIFT import reads into question tags (module number, then objective id).
 */

/** One objective of a module.yaml, with the line it is on. */
export interface ObjectiveEntry {
  readonly id: string | null;
  readonly line: number;
}

/** Reads the objectives of a module.yaml text (already validated by the loader): ids and lines. */
export function readObjectives(text: string, file: string): ObjectiveEntry[] {
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) return [];
  const data = parsed.source.data as { objectives?: unknown[] };
  return (data.objectives ?? []).map((o, i) => ({
    id: typeof o === 'object' && o !== null && 'id' in o ? String((o as { id: unknown }).id) : null,
    line: parsed.source.lineOf(['objectives', i]),
  }));
}

/** One `objective → headings` entry of a lesson's front matter. */
export interface LessonObjectiveEntry {
  readonly objective: string;
  readonly headings: readonly string[];
  readonly line: number;
}

/** Reads a lesson's `objectives` front-matter map and the headings of its body. */
export function readLessonObjectives(
  text: string,
  file: string,
): { entries: LessonObjectiveEntry[]; headings: Set<string> } {
  const split = splitFrontMatter(text);
  if (!split) return { entries: [], headings: new Set() };
  const headings = new Set(
    split.body
      .split('\n')
      .map((l) => /^#{2,3}\s+(.*?)\s*#*\s*$/.exec(l)?.[1])
      .filter((h): h is string => h !== undefined),
  );
  const parsed = parseYamlSource(split.yaml, file, 1);
  if (!parsed.ok) return { entries: [], headings };
  const map = (parsed.source.data as { objectives?: Record<string, unknown> }).objectives ?? {};
  const entries = Object.entries(map).map(([objective, list]) => ({
    objective,
    headings: Array.isArray(list) ? list.map(String) : [],
    line: parsed.source.lineOfKey(['objectives'], objective),
  }));
  return { entries, headings };
}

/** The objective tags of a question: module number and objective id. */
export interface ObjectiveTag {
  readonly module: number;
  readonly objective: string;
}

const TAG = /\[tag:([^\]]+)\]/g;
const OBJECTIVE_TAG = /^objective-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * The objective tags in the comment lines of the GIFT block that holds `line` (a block runs between blank lines,
 * as in Moodle's import, which reads `[tag:…]` from the comments of each question's block).
 * @example objectiveTagsAt('// [tag:objective-01-rates]\n::q::Q?{T}\n', 2) // [{ module: 1, objective: 'rates' }]
 */
export function objectiveTagsAt(source: string, line: number): ObjectiveTag[] {
  const lines = source.split('\n');
  let start = line - 1;
  while (start > 0 && lines[start - 1].trim() !== '') start--;
  let end = line - 1;
  while (end < lines.length - 1 && lines[end + 1].trim() !== '') end++;
  const tags: ObjectiveTag[] = [];
  for (const l of lines.slice(start, end + 1)) {
    if (!l.trimStart().startsWith('//')) continue;
    for (const [, tag] of l.matchAll(TAG)) {
      const m = OBJECTIVE_TAG.exec(tag.trim());
      if (m) tags.push({ module: Number(m[1]), objective: m[2] });
    }
  }
  return tags;
}
