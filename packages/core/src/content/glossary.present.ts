import type { GlossaryTerm } from './course.types.ts';
import type { GlossaryText } from './markdown.render.ts';

/**
 * The course glossary in one language, keyed by term id, ready for {@link renderMarkdown}'s `glossary` option.
 * @example glossaryInLanguage(course.glossary, 'fr').get('usual-residence')?.term // 'Résidence habituelle'
 */
export function glossaryInLanguage(
  terms: readonly GlossaryTerm[],
  language: 'en' | 'fr',
): Map<string, GlossaryText> {
  return new Map(terms.map((t) => [t.id, t[language]]));
}
