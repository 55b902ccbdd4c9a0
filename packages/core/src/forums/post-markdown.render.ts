import sanitizeHtml from 'sanitize-html';
import { authoredHtmlOptions } from '../content/html-allow-list.ts';
import { createMarkdownEngine } from '../content/markdown.engine.ts';

// Posts are written by learners, so they get less than course text: no images (a remote image tells its server
// who read the post; a data: image is a way in for anything), headings become bold paragraphs (a post must not
// break the page's outline), links are absolute http(s) or mailto addresses only and marked as user content.

const md = createMarkdownEngine();
md.set({ linkify: true });
// An image is shown as a link to it, with its alternative text (sanitize then drops anything but http(s)).
md.renderer.rules.image = (tokens, idx) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  const alt = token.children?.map((c) => c.content).join('') || src;
  return `<a href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(String(alt))}</a>`;
};

const HEADING = (_tag: string, attribs: sanitizeHtml.Attributes) => ({
  tagName: 'p',
  attribs: { ...attribs, class: 'post-heading' },
});

const SANITIZE = authoredHtmlOptions(
  { a: ['href', 'title', 'rel'], p: ['class'], code: ['class'], th: ['style'], td: ['style'], ol: ['start'] },
  {
    allowedTags: (authoredHtmlOptions({}).allowedTags as string[]).filter((t) => t !== 'img'),
    transformTags: {
      // Only absolute http(s) and mailto links; anything else (a relative or disguised address) stays as text.
      a: (tagName, attribs) =>
        /^(https?:\/\/|mailto:)/i.test(attribs.href ?? '')
          ? { tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener' } }
          : { tagName: 'span', attribs: {} },
      h1: HEADING,
      h2: HEADING,
      h3: HEADING,
      h4: HEADING,
      h5: HEADING,
      h6: HEADING,
    },
  },
);

/**
 * Renders a post's Markdown to safe HTML: raw HTML shows as text, bare URLs become links, links keep only http(s)
 * and mailto addresses (with rel="nofollow ugc noopener"), images become links, headings become bold paragraphs.
 * @example renderPostMarkdown('<script>x</script> **hi**') // '<p>&lt;script&gt;x&lt;/script&gt; <strong>hi</strong></p>\n'
 */
export function renderPostMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown), SANITIZE);
}
