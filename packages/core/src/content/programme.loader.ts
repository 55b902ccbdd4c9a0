import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { contentError, sortContentErrors, type ContentError } from './content-error.ts';
import { isDirectory } from './content-files.ts';
import { createContentReader } from './content-reader.ts';
import { programmeFileSchema, type ProgrammeFile } from './programme.schema.ts';
import type { Programme, ProgrammeCourse } from './programme.types.ts';
import { parseAndValidate, type YamlSource } from './yaml-source.ts';

/** Result of {@link loadProgrammes}: every programme with the hash of its file, or every problem found. */
export type LoadProgrammesResult =
  | { readonly ok: true; readonly programmes: readonly { programme: Programme; hash: string }[] }
  | { readonly ok: false; readonly errors: ContentError[] };

/**
 * Loads and checks every `<contentRoot>/programmes/*.yaml` (a missing folder means no programmes). `courseSlugs`
 * are the courses that exist (imported with them or already stored): a listed course must be one of them unless it
 * is marked `offered: false`. Never throws for bad content: every problem is a `file:line` error.
 */
export async function loadProgrammes(
  contentRoot: string,
  courseSlugs: ReadonlySet<string>,
): Promise<LoadProgrammesResult> {
  const dir = path.join(contentRoot, 'programmes');
  if (!(await isDirectory(dir))) return { ok: true, programmes: [] };
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => e.name)
    .sort();
  const programmes: { programme: Programme; hash: string }[] = [];
  const errors: ContentError[] = [];
  for (const name of names) {
    const reader = createContentReader(dir);
    const file = reader.display(name);
    const text = (await reader.read(name)) ?? '';
    const parsed = parseAndValidate(programmeFileSchema, text, file);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const problems = checkProgramme(parsed.value, parsed.source, name.replace(/\.ya?ml$/, ''), courseSlugs);
    if (problems.length > 0) errors.push(...problems);
    else programmes.push({ programme: toProgramme(parsed.value), hash: reader.hash() });
  }
  return errors.length > 0 ? { ok: false, errors: sortContentErrors(errors) } : { ok: true, programmes };
}

function checkProgramme(
  spec: ProgrammeFile,
  source: YamlSource,
  fileSlug: string,
  courseSlugs: ReadonlySet<string>,
): ContentError[] {
  const errors: ContentError[] = [];
  const at = (where: readonly PropertyKey[], message: string) =>
    errors.push(contentError(source.file, source.lineOf(where), 'content.invalid-value', message));
  if (spec.slug !== fileSlug) at(['slug'], `slug ${spec.slug} differs from the file name ${fileSlug}`);
  const seen = new Set<string>();
  for (const [i, c] of spec.courses.entries()) {
    const where = ['courses', i];
    if (c.offered === false) {
      if (c.course !== undefined)
        at(where, 'a course that is not offered yet has an `id` and a `title`, not a `course` slug');
      else if (c.id === undefined || c.title === undefined)
        at(where, 'a course that is not offered yet needs an `id` and a `title`');
    } else if (c.course === undefined) {
      at(where, 'give the `course` slug, or mark the course `offered: false` with an `id` and a `title`');
    } else if (c.id !== undefined || c.title !== undefined || c.fr !== undefined) {
      at(
        where,
        `course ${c.course}: its title comes from its course.yaml; remove \`id\`, \`title\` and \`fr\``,
      );
    } else if (!courseSlugs.has(c.course)) {
      at(where, `unknown course ${c.course} (mark it \`offered: false\` if it is not on this platform yet)`);
    }
    const key = c.course ?? c.id;
    if (key === undefined) continue;
    if (seen.has(key)) at(where, `${key} is listed twice`);
    seen.add(key);
  }
  if (!spec.courses.some((c) => c.role === 'required') && spec.rule.electives === 0)
    at(['rule', 'electives'], 'the rule asks for nothing: list a required course or ask for electives');
  const electives = spec.courses.filter((c) => c.role === 'elective').length;
  if (spec.rule.electives > electives)
    at(
      ['rule', 'electives'],
      `the rule asks for ${spec.rule.electives} elective courses but ${electives} ${electives === 1 ? 'is' : 'are'} listed`,
    );
  return errors;
}

function toProgramme(spec: ProgrammeFile): Programme {
  const courses = spec.courses.map((c): ProgrammeCourse =>
    c.offered === false
      ? { key: c.id!, role: c.role, offered: false, title: c.title!, frTitle: c.fr?.title ?? null }
      : { key: c.course!, role: c.role, offered: true },
  );
  return {
    slug: spec.slug,
    title: spec.title,
    summary: spec.summary,
    note: spec.note ?? null,
    fr: { title: spec.fr?.title ?? null, summary: spec.fr?.summary ?? null, note: spec.fr?.note ?? null },
    courses,
    electivesNeeded: spec.rule.electives,
  };
}
