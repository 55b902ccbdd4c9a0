import { listForumsOfCohort, listGroupsOfCohort, searchVisiblePosts } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { DomainValidationError } from '../errors/domain-errors.ts';
import type { Locale } from '../errors/error-messages.ts';
import { loadForumsContext, readerScope, signedIn } from './forum-access.ts';
import { courseOfCohort } from './forum-setup.ts';
import { forumLabels } from './forum.present.ts';
import { FORUM_LIMITS } from './forum.schema.ts';
import { plainExcerpt, searchTerms } from './forum-text.rules.ts';

/** One search result: a post with its discussion and forum. */
export interface SearchHitDto {
  readonly postId: string;
  readonly number: number;
  readonly threadId: string;
  readonly threadTitle: string;
  readonly forum: string;
  readonly author: string;
  readonly createdAt: string;
  readonly excerpt: string;
}

/** The results of a search of a cohort's forums. */
export interface ForumSearchDto {
  readonly cohort: { readonly id: string; readonly title: string };
  readonly query: string;
  readonly terms: readonly string[];
  readonly hits: readonly SearchHitDto[];
  /** True when there were more results than shown. */
  readonly more: boolean;
}

/**
 * Searches the posts of a cohort's forums the actor may read — never another group's private forum or separate
 * discussion, never a Q&A reply before the actor posted, never a removed post — best matches first (every word
 * must match, as a prefix; accents and case do not matter). Throws DomainValidationError `forum.search_too_short`
 * when the query has no word of two letters or more.
 */
export async function searchForums(
  app: App,
  actor: Actor,
  cohortId: string,
  query: string,
  locale: Locale,
): Promise<ForumSearchDto> {
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const q = query.slice(0, FORUM_LIMITS.searchMax);
  const terms = searchTerms(q);
  if (terms.length === 0)
    throw new DomainValidationError({ q: 'forum.search_too_short' }, 'forum.search_too_short');
  const rows = await searchVisiblePosts(app.db, readerScope(ctx), terms, FORUM_LIMITS.searchResults + 1);
  const course = await courseOfCohort(app.db, ctx.cohort);
  const groups = new Map((await listGroupsOfCohort(app.db, ctx.cohort.id)).map((g) => [g.id, g]));
  const forums = new Map(
    (await listForumsOfCohort(app.db, ctx.cohort.id)).map((f) => [
      f.id,
      forumLabels(f, course, groups)[locale],
    ]),
  );
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title },
    query: q,
    terms,
    hits: rows.slice(0, FORUM_LIMITS.searchResults).map((r) => ({
      postId: r.id,
      number: r.number,
      threadId: r.thread_id,
      threadTitle: r.thread_title,
      forum: forums.get(r.forum_id) ?? '',
      author: r.author_name,
      createdAt: r.created_at,
      excerpt: plainExcerpt(r.body, 240, terms),
    })),
    more: rows.length > FORUM_LIMITS.searchResults,
  };
}
