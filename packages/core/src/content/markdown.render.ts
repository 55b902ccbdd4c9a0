import sanitizeHtml from 'sanitize-html';
import type { RendererRule, Token } from 'markdown-it';
import { authoredHtmlOptions } from './html-allow-list.ts';
import { createMarkdownEngine, parseLessonTarget, type TermRef } from './markdown.engine.ts';

/** Text of one glossary term in the language being rendered. */
export interface GlossaryText {
  readonly term: string;
  readonly definition: string;
}

/** Options for {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** Glossary in the page's language, by term id. */
  readonly glossary?: ReadonlyMap<string, GlossaryText>;
  /** URL of a lesson; `lesson:` links use it. Unresolvable links become plain text. */
  readonly linkLesson?: (moduleId: string, lessonId: string) => string;
  /** URL of a term on the glossary page; default `#glossary-<id>`. */
  readonly linkTerm?: (termId: string) => string;
  /** Module of the text being rendered, for `lesson:<lesson>` links without a module. */
  readonly moduleId?: string;
  /** Prefix of generated element ids, so several rendered blocks can share a page; default `gl`. */
  readonly idPrefix?: string;
}

interface RenderEnv {
  options: RenderMarkdownOptions;
  counter: number;
  /** Names of the table boxes rendered so far (each box needs its own name on the page). */
  tables: string[];
}

const md = createMarkdownEngine();
const escape = md.utils.escapeHtml;

md.renderer.rules.glossary_term = (tokens: Token[], idx: number, _opts, rawEnv) => {
  const env = rawEnv as unknown as RenderEnv;
  const ref = tokens[idx]!.meta as unknown as TermRef;
  const entry = env.options.glossary?.get(ref.id);
  const shown = ref.text ?? entry?.term ?? ref.id;
  if (!entry) return `<span class="glossary-term">${escape(shown)}</span>`;
  const tipId = `${env.options.idPrefix ?? 'gl'}-${ref.id}-${++env.counter}`;
  const href = env.options.linkTerm ? env.options.linkTerm(ref.id) : `#glossary-${ref.id}`;
  // The tip is hidden by CSS until the term is hovered or focused (:hover / :focus-within), so it works
  // without JavaScript; aria-describedby gives screen readers the definition on focus.
  return (
    `<span class="glossary-term"><a href="${escape(href)}" aria-describedby="${tipId}">${escape(shown)}</a>` +
    `<span class="glossary-tip" role="tooltip" id="${tipId}"><dfn>${escape(entry.term)}</dfn>: ${escape(entry.definition)}</span></span>`
  );
};

const defaultLinkOpen: RendererRule =
  md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
md.renderer.rules.link_open = (tokens, idx, opts, rawEnv, self) => {
  const env = rawEnv as unknown as RenderEnv;
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (href.startsWith('lesson:')) {
    const target = parseLessonTarget(href, env.options.moduleId);
    token.attrSet(
      'href',
      target && env.options.linkLesson ? env.options.linkLesson(target.moduleId, target.lessonId) : '#',
    );
  }
  return defaultLinkOpen(tokens, idx, opts, rawEnv, self);
};

/** The text of a table's header row: the cells' inline content, in order. */
function headerText(tokens: Token[], start: number): string {
  const cells: string[] = [];
  for (let i = start + 1; i < tokens.length && tokens[i]!.type !== 'thead_close'; i++) {
    const token = tokens[i]!;
    if (token.type === 'inline') {
      const text = (token.children ?? [])
        .map((child) => {
          if (child.type !== 'glossary_term') return child.content;
          const ref = child.meta as unknown as TermRef;
          return ref.text ?? ref.id;
        })
        .join('')
        .trim();
      if (text) cells.push(text);
    }
  }
  return cells.join(', ');
}

// A table scrolls sideways inside its own box (a phone page never does): a focusable region, so keyboard users can
// scroll it too, named after its header row (a second table with the same header gets a number).
md.renderer.rules.table_open = (tokens, idx, opts, rawEnv, self) => {
  const env = rawEnv as unknown as RenderEnv;
  const header = headerText(tokens, idx) || `${env.tables.length + 1}`;
  const same = env.tables.filter((t) => t === header).length;
  env.tables.push(header);
  const name = same > 0 ? `${header} (${same + 1})` : header;
  return (
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${escape(name)}">\n` +
    self.renderToken(tokens, idx, opts)
  );
};
md.renderer.rules.table_close = (tokens, idx, opts, _env, self) =>
  `${self.renderToken(tokens, idx, opts)}</div>\n`;

// A code block scrolls sideways inside its own box too (the web's `.prose pre`): focusable, so that keyboard users can
// scroll it.
for (const rule of ['fence', 'code_block'] as const) {
  const render = md.renderer.rules[rule]!;
  md.renderer.rules[rule] = (tokens, idx, opts, env, self) =>
    render(tokens, idx, opts, env, self).replace(/^<pre>/, '<pre tabindex="0">');
}

const SANITIZE = authoredHtmlOptions({
  div: ['class', 'role', 'tabindex', 'aria-label'],
  pre: ['tabindex'],
  a: ['href', 'title', 'aria-describedby'],
  span: ['class', 'role', 'id'],
  img: ['src', 'alt', 'title', 'loading', 'decoding'],
  code: ['class'],
  th: ['style'],
  td: ['style'],
  ol: ['start'],
});

/**
 * Renders course Markdown to safe HTML: raw HTML in the source is shown as text, `[[term]]` becomes a glossary link
 * whose definition shows on hover and focus without JavaScript, and `lesson:` links point to lesson pages.
 * @example renderMarkdown('a <b>') // '<p>a &lt;b&gt;</p>\n'
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  const env: RenderEnv = { options, counter: 0, tables: [] };
  // markdown-it's Env type is an open record; our env is a plain object read back by our own rules.
  return sanitizeHtml(md.render(markdown, env as unknown as Record<string, unknown>), SANITIZE);
}
