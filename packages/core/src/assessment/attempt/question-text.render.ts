import sanitizeHtml from 'sanitize-html';
import { renderMarkdown } from '../../content/markdown.render.ts';
import { authoredHtmlOptions } from '../../content/html-allow-list.ts';
import type { TextFormat } from '../gift/gift.types.ts';

/**
 * What a question text in `[html]` or `[moodle]` may keep: the allow-list shared with lessons
 * (content/html-allow-list.ts) with the attributes of tables and sized images; no `class` but a table cell's
 * alignment, no event handlers, images only over http(s). Scripts, styles and unknown tags are dropped with their
 * content or unwrapped.
 */
const SANITIZE = authoredHtmlOptions(
  {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
    abbr: ['title'],
    th: ['style', 'colspan', 'rowspan', 'scope'],
    td: ['style', 'colspan', 'rowspan'],
    ol: ['start'],
    p: ['style'],
  },
  { allowedSchemesByTag: { img: ['http', 'https'] } },
);

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

function render(text: string, format: TextFormat): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(text);
    case 'html':
      return sanitizeHtml(text, SANITIZE);
    case 'moodle':
      // Moodle's own format: HTML whose line breaks are kept (as Moodle's text_to_html does).
      return sanitizeHtml(text.trim().replace(/\r?\n/g, '<br>\n'), SANITIZE);
    case 'plain':
      return text
        .split(/\n\s*\n/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
        .join('\n');
  }
}

/** Rendered texts are cached (question texts repeat on every page view); a calculated text varies per attempt. */
const cache = new Map<string, string>();
const CACHE_SIZE = 2_000;

/**
 * A question text as safe HTML, in one place for every page: `[markdown]` through the lessons' Markdown renderer
 * (raw HTML shown as text, then sanitized); `[html]` sanitized with a lesson-like allow-list; `[moodle]` (GIFT's
 * default) the same with its line breaks kept; `[plain]` escaped text in paragraphs.
 * @example renderQuestionText('a <b>b</b><script>x()</script>', 'html') // 'a <b>b</b>'
 */
export function renderQuestionText(text: string, format: TextFormat): string {
  const key = `${format}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = render(text, format);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, html);
  return html;
}
