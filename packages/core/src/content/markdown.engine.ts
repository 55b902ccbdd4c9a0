import MarkdownItCtor from 'markdown-it';
import type { MarkdownIt, StateInline } from 'markdown-it';

/** Matches the inside of `[[term-id]]` or `[[term-id|shown text]]`. */
// Inside a table cell the bar must be escaped (`[[id\\|text]]`), so an optional backslash is accepted before it.
const TERM = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\\?\|([^\]|]+))?$/;

/** The parsed reference carried by a `glossary_term` token's `meta`. */
export interface TermRef {
  readonly id: string;
  readonly text: string | null;
}

/** Splits a lesson link target `module/lesson` (or `lesson`, relative to the current module). */
export function parseLessonTarget(
  href: string,
  currentModule: string | undefined,
): { moduleId: string; lessonId: string } | null {
  if (!href.startsWith('lesson:')) return null;
  const [first, second, extra] = href.slice('lesson:'.length).split('/');
  if (extra !== undefined || !first) return null;
  if (second === undefined) return currentModule ? { moduleId: currentModule, lessonId: first } : null;
  return second ? { moduleId: first, lessonId: second } : null;
}

function glossaryRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5b) return false;
  const end = state.src.indexOf(']]', start + 2);
  if (end < 0) return false;
  const match = TERM.exec(state.src.slice(start + 2, end));
  if (!match) return false;
  if (!silent) {
    const token = state.push('glossary_term', '', 0);
    token.meta = { id: match[1]!, text: match[2]?.trim() ?? null } satisfies TermRef;
  }
  state.pos = end + 2;
  return true;
}

/**
 * Creates the shared Markdown parser: CommonMark + tables, raw HTML disabled (it is shown as text), typographic
 * quotes, and a `glossary_term` inline token for `[[id]]` / `[[id|text]]`.
 */
export function createMarkdownEngine(): MarkdownIt {
  const md = new MarkdownItCtor({ html: false, linkify: false, typographer: true });
  // Keep smart quotes but not the (c)/(r)/(tm) replacements: lists like "(c) Valid permits" must stay as written.
  md.disable('replacements');
  md.inline.ruler.before('link', 'glossary_term', glossaryRule);
  return md;
}
