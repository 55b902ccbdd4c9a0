/** What an attempt page shows: one question (`?page=N`, 1-based), all of them (`?all=1`) or the summary. */
export type AttemptView =
  { readonly kind: 'page'; readonly page: number } | { readonly kind: 'all' } | { readonly kind: 'summary' };

const clamp = (page: number, count: number): number => Math.min(Math.max(1, page), Math.max(1, count));

/** The view a URL asks for; a page number out of range is brought back into 1…count. */
export function viewOfUrl(url: URL, count: number): AttemptView {
  if (url.searchParams.has('summary')) return { kind: 'summary' };
  if (url.searchParams.get('all') === '1') return { kind: 'all' };
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  return { kind: 'page', page: clamp(Number.isNaN(page) ? 1 : page, count) };
}

/** The view a posted form came from (hidden `page`: a number, or `all`). */
export function viewOfPosted(page: string, count: number): AttemptView | undefined {
  if (page === 'all') return { kind: 'all' };
  if (!/^\d+$/.test(page)) return undefined;
  return { kind: 'page', page: clamp(Number(page), count) };
}

/** The slots a view shows (slot = page − 1; the summary shows none). */
export function slotsOfView(view: AttemptView | undefined, count: number): number[] {
  if (!view || view.kind === 'summary') return [];
  if (view.kind === 'all') return Array.from({ length: count }, (_, i) => i);
  return [view.page - 1];
}

/**
 * Where the `go` button leads: `prev` / `next` (one page; in the all-questions view it stays there), a page
 * number, `all`, or `finish` (the summary). Anything else stays where the form was.
 */
export function viewAfter(go: string, from: AttemptView | undefined, count: number): AttemptView {
  const here: AttemptView = from ?? { kind: 'page', page: 1 };
  if (go === 'finish') return { kind: 'summary' };
  if (go === 'all') return { kind: 'all' };
  if (/^\d+$/.test(go)) return { kind: 'page', page: clamp(Number(go), count) };
  if (here.kind !== 'page') return here;
  if (go === 'next') return { kind: 'page', page: clamp(here.page + 1, count) };
  if (go === 'prev') return { kind: 'page', page: clamp(here.page - 1, count) };
  return here;
}

/** The query string of a view (`?page=2`, `?all=1`, `?summary=1`). */
export function viewQuery(view: AttemptView): string {
  if (view.kind === 'summary') return '?summary=1';
  if (view.kind === 'all') return '?all=1';
  return `?page=${view.page}`;
}

/**
 * Where a resumed attempt opens: the first question still to answer (not a description, no saved answer, not
 * checked), so a learner whose connection dropped carries on where they stopped; the summary when every question
 * has an answer.
 */
export function resumeView(resumeSlot: number | null): AttemptView {
  return resumeSlot === null ? { kind: 'summary' } : { kind: 'page', page: resumeSlot + 1 };
}
