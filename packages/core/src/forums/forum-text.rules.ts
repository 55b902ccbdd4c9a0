/**
 * The text the full-text index reads: lower case, accents removed, every run of characters other than letters and
 * digits turned into one space. Both databases then see the same words ("10.7.1" is "10 7 1", "données" is
 * "donnees"), so search finds the same posts on SQLite and PostgreSQL.
 * @example normaliseSearchText('Données: SDG 10.7.1, l’emploi') // 'donnees sdg 10 7 1 l emploi'
 */
export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The words of a search, normalised like the index, each of two characters or more (one-letter words match too much),
 * at most 8; only `[a-z0-9]` survives, so nothing of the query reaches SQL as syntax.
 * @example searchTerms('Migrant "workers" OR x*') // ['migrant', 'workers', 'or']
 */
export function searchTerms(query: string): string[] {
  const words = normaliseSearchText(query)
    .split(' ')
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter((w) => w.length >= 2);
  return [...new Set(words)].slice(0, 8);
}

/** The index text of a post: the discussion's title with the first post, the body alone for replies. */
export function postSearchText(body: string, threadTitle: string | null): string {
  return normaliseSearchText(threadTitle === null ? body : `${threadTitle}\n${body}`);
}

/**
 * A short plain-text excerpt of Markdown (for lists, mail and quotes): formatting marks dropped, whitespace
 * collapsed, cut at a word boundary with an ellipsis; around the first search term when `terms` are given.
 * @example plainExcerpt('**Bold** and [a link](https://x.org)\n\n> quoted', 40) // 'Bold and a link quoted'
 */
export function plainExcerpt(markdown: string, max: number, terms: readonly string[] = []): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    // Block marks at the start of a line: quotes, headings, list bullets and numbers.
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/gm, '')
    // Inline marks go without leaving a space ("**module 1**, then" → "module 1, then"); table bars become one.
    .replace(/[*`~]+/g, '')
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  let start = 0;
  if (terms.length > 0) {
    const folded = normaliseAligned(plain);
    const at = Math.min(...terms.map((t) => folded.indexOf(t)).filter((i) => i >= 0));
    if (Number.isFinite(at) && at > max / 3) start = plain.lastIndexOf(' ', at - Math.floor(max / 3)) + 1;
  }
  const slice = plain.slice(start, start + max);
  const cut =
    slice.length === max && slice.lastIndexOf(' ') > max / 2 ? slice.slice(0, slice.lastIndexOf(' ')) : slice;
  return `${start > 0 ? '…' : ''}${cut}${start + cut.length < plain.length ? '…' : ''}`;
}

/** Lower case without accents, one character per character of the input (so positions line up). */
function normaliseAligned(text: string): string {
  return [...text]
    .map(
      (c) =>
        c
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase()
          .charAt(0) || c,
    )
    .join('');
}
