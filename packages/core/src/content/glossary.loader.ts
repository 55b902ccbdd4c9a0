import { contentError, type ContentError } from './content-error.ts';
import type { ContentReader } from './content-reader.ts';
import { glossaryFileSchema } from './content.schema.ts';
import type { GlossaryTerm } from './course.types.ts';
import { parseAndValidate } from './yaml-source.ts';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Loads a module's optional glossary.yaml, remembering the line of each term id (for duplicate reports). */
export async function loadGlossary(
  reader: ContentReader,
  dir: string,
  moduleId: string,
  errors: ContentError[],
): Promise<{ terms: GlossaryTerm[]; file: string; lines: Map<string, number> }> {
  const rel = `${dir}/glossary.yaml`;
  const file = reader.display(rel);
  const lines = new Map<string, number>();
  const terms: GlossaryTerm[] = [];
  const text = await reader.read(rel);
  if (text === null) return { terms, file, lines };
  const result = parseAndValidate(glossaryFileSchema, text, file);
  if (!result.ok) {
    errors.push(...result.errors);
    return { terms, file, lines };
  }
  for (const [id, entry] of Object.entries(result.value)) {
    const line = result.source.lineOfKey([], id);
    if (!KEBAB.test(id))
      errors.push(contentError(file, line, 'content.invalid-value', `term id \`${id}\` is not kebab-case`));
    lines.set(id, line);
    terms.push({ id, moduleId, en: entry.en, fr: entry.fr });
  }
  return { terms, file, lines };
}
