import { renderMarkdown } from '@labmig/core/content/markdown.render.ts';
import type { TextFormat } from '@labmig/core/assessment/index.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * A question text as safe HTML. Markdown goes through core's renderer (raw HTML shown as text, then sanitized);
 * other formats are shown as plain text in paragraphs (HTML tags of `[html]`/`[moodle]` texts are not rendered
 * until core offers a sanitizer for them).
 * @example questionHtml('A **b**', 'markdown') // '<p>A <strong>b</strong></p>\n'
 */
export function questionHtml(text: string, format: TextFormat): string {
  if (format === 'markdown') return renderMarkdown(text);
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
