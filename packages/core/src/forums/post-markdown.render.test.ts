import { describe, expect, it } from 'vitest';
import { renderPostMarkdown } from './post-markdown.render.ts';

// The usual payloads, written as Markdown and as raw HTML. None may survive as markup.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](java&#x09;script:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<img src=x onerror=alert(1)>',
  '<div onmouseover="alert(1)">hover</div>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)>',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  '[x](vbscript:msgbox(1))',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '```html\n<script>alert(1)</script>\n```',
];

const TAGS = new Set(['p', 'a', 'strong', 'em', 'code', 'pre', 'br', 'ul', 'ol', 'li', 'blockquote', 'span']);
const ATTRIBUTES = new Set(['href', 'rel', 'class', 'title']);

/** Every element and attribute of the output (text is escaped, so a literal `<` only starts real markup). */
function markupOf(html: string): { tag: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)].map(([, tag, rest]) => ({
    tag: tag!.toLowerCase(),
    attributes: [...rest!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map(([, n, v]) => [
      n!.toLowerCase(),
      v ?? '',
    ]),
  }));
}

describe('renderPostMarkdown', () => {
  it.each(PAYLOADS)('leaves nothing executable of %s', (payload) => {
    const html = renderPostMarkdown(payload);
    for (const { tag, attributes } of markupOf(html)) {
      expect(TAGS, `element <${tag}> in ${html}`).toContain(tag);
      for (const [name, value] of attributes) {
        expect(ATTRIBUTES, `attribute ${name} in ${html}`).toContain(name);
        if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/);
      }
    }
  });

  it('finds markup when there is some (the check above can fail)', () => {
    expect(markupOf('<p>&lt;b&gt; <a href="javascript:x" onclick="y">z</a></p>')).toEqual([
      { tag: 'p', attributes: [] },
      {
        tag: 'a',
        attributes: [
          ['href', 'javascript:x'],
          ['onclick', 'y'],
        ],
      },
    ]);
  });

  it('keeps ordinary formatting, lists, code, tables and quotes', () => {
    const html = renderPostMarkdown(
      '**bold** _it_ `code`\n\n- a\n- b\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<td>1</td>');
  });

  it('links web addresses as user content, and turns images into links', () => {
    expect(renderPostMarkdown('See https://ilo.org/stats')).toContain(
      '<a href="https://ilo.org/stats" rel="nofollow ugc noopener">https://ilo.org/stats</a>',
    );
    expect(renderPostMarkdown('![Chart](https://example.org/c.png)')).toBe(
      '<p><a href="https://example.org/c.png" rel="nofollow ugc noopener">Chart</a></p>\n',
    );
  });

  it('shows raw HTML as text and turns headings into bold paragraphs', () => {
    expect(renderPostMarkdown('<b>x</b>')).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>\n');
    expect(renderPostMarkdown('# Big')).toBe('<p class="post-heading">Big</p>\n');
  });
});
