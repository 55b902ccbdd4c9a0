import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import type { GlossaryTerm } from '../content/course.types.ts';
import type { Locale } from '../errors/error-messages.ts';
import { moduleTitle } from './course-markdown.ts';
import {
  filterGlossary,
  glossaryLetters,
  glossarySections,
  type GlossaryLetterDto,
  type GlossarySectionDto,
} from './glossary-index.ts';
import { loadCohortCourse, type CohortCourse } from './learning-context.ts';
import { learningPaths } from '../content/learning-paths.ts';

/** A glossary entry in the page's language, with the other language beside it. */
export interface GlossaryEntryDto {
  readonly id: string;
  /** Element id on the glossary page (`term-<id>`), the target of every term link. */
  readonly anchor: string;
  readonly term: string;
  readonly definition: string;
  readonly other: { readonly locale: Locale; readonly term: string; readonly definition: string };
  readonly module: { readonly id: string; readonly title: string; readonly href: string } | null;
}

/**
 * The glossary page: the course terms (those matching `query` when one is given), sorted by their name in the
 * page's language, grouped by letter, with the A–Z index of those letters.
 */
export interface GlossaryPageDto {
  readonly cohortId: string;
  readonly locale: Locale;
  /** The filter as typed (trimmed); '' shows every term. */
  readonly query: string;
  /** How many terms the course has (the filtered ones are in `entries`). */
  readonly total: number;
  readonly entries: readonly GlossaryEntryDto[];
  readonly sections: readonly GlossarySectionDto[];
  readonly letters: readonly GlossaryLetterDto[];
}

/** Presents glossary terms in `locale`, sorted with that language's collation. */
export function presentGlossary(
  ctx: CohortCourse,
  terms: readonly GlossaryTerm[],
  locale: Locale,
): GlossaryEntryDto[] {
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  const paths = learningPaths(ctx.cohort.id);
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return terms
    .map((t) => {
      const m = ctx.course.modules.find((x) => x.id === t.moduleId);
      return {
        id: t.id,
        anchor: `term-${t.id}`,
        term: t[locale].term,
        definition: t[locale].definition,
        other: { locale: other, term: t[other].term, definition: t[other].definition },
        module: m ? { id: m.id, title: moduleTitle(m, locale), href: paths.module(m.id) } : null,
      };
    })
    .sort((a, b) => collator.compare(a.term, b.term) || a.id.localeCompare(b.id));
}

/** The course glossary in English or French, filtered by `query` (active members and site admins). */
export async function getGlossaryPage(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale,
  query = '',
): Promise<GlossaryPageDto> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.view', app.clock.now());
  const all = presentGlossary(ctx, ctx.course.glossary, locale);
  const q = query.trim().slice(0, 200);
  const entries = filterGlossary(all, q);
  const sections = glossarySections(entries);
  return {
    cohortId: ctx.cohort.id,
    locale,
    query: q,
    total: all.length,
    entries,
    sections,
    letters: glossaryLetters(sections),
  };
}
