import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.render.ts';

const glossary = new Map([
  [
    'usual-residence',
    { term: 'Usual residence', definition: 'Where a person normally spends the daily rest <period>.' },
  ],
]);

describe('renderMarkdown', () => {
  it('shows raw HTML as text instead of interpreting it', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).toBe(
      '<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
  });

  it('never produces a javascript: link', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) [x](JaVaScRiPt:alert(1))');
    expect(html).not.toMatch(/<a /);
    expect(html).toContain('click');
  });

  it('renders tables with alignment', () => {
    const html = renderMarkdown('| a | b |\n|---|--:|\n| 1 | 2 |');
    // As a class: the site's Content-Security-Policy applies no style attribute.
    expect(html).toContain('<th class="align-right">b</th>');
    expect(html).toContain('<td class="align-right">2</td>');
    expect(html).not.toContain('style=');
  });

  it('puts every table in its own named box that scrolls sideways, so a wide table never widens a phone page', () => {
    const table = '| Indicator | [[usual-residence\\|Residence]] |\n|---|---|\n| 1 | 2 |\n';
    const html = renderMarkdown(`${table}\nText.\n\n${table}\n| x |\n|---|\n| y |\n`, { glossary });
    const boxes = [
      ...html.matchAll(
        /<div class="table-scroll" role="region" tabindex="0" aria-label="([^"]*)">\n<table>/g,
      ),
    ];
    expect(boxes.map((b) => b[1])).toEqual(['Indicator, Residence', 'Indicator, Residence (2)', 'x']);
    expect(html.match(/<\/table>\n<\/div>/g)).toHaveLength(3);
  });

  it('makes every code block focusable, so that keyboard users can scroll a wide one sideways', () => {
    const html = renderMarkdown('```\nLFPR = 100 × LF / WAP\n```\n\n    indented code\n\nText `inline`.');
    expect(html.match(/<pre tabindex="0"><code[^>]*>/g)).toHaveLength(2);
    expect(html).not.toContain('<pre>');
    expect(html).toContain('<code>inline</code>');
  });

  it('turns [[term]] into a glossary link with a focusable definition', () => {
    const html = renderMarkdown('The [[usual-residence]] rule.', {
      glossary,
      linkTerm: (id) => `/glossary#${id}`,
    });
    expect(html).toBe(
      '<p>The <span class="glossary-term"><a href="/glossary#usual-residence" aria-describedby="gl-usual-residence-1">Usual residence</a>' +
        '<span class="glossary-tip" role="tooltip" id="gl-usual-residence-1"><dfn>Usual residence</dfn>: ' +
        'Where a person normally spends the daily rest &lt;period&gt;.</span></span> rule.</p>\n',
    );
  });

  it('uses the shown text of [[term|text]] and numbers repeated tips uniquely', () => {
    const html = renderMarkdown('[[usual-residence|residence]] and [[usual-residence]]', {
      glossary,
      idPrefix: 'x',
    });
    expect(html).toContain('aria-describedby="x-usual-residence-1">residence</a>');
    expect(html).toContain('id="x-usual-residence-2"');
    expect(html).toContain('href="#glossary-usual-residence"');
  });

  it('accepts [[term\\|text]] inside a table cell', () => {
    const html = renderMarkdown('| a |\n| --- |\n| [[usual-residence\\|residence]] |', { glossary });
    expect(html).toContain('aria-describedby="gl-usual-residence-1">residence</a>');
  });

  it('renders an unknown term as plain text', () => {
    expect(renderMarkdown('[[nope|a thing]]')).toBe('<p><span class="glossary-term">a thing</span></p>\n');
  });

  it('resolves lesson: links with linkLesson, relative to the current module when no module is given', () => {
    const linkLesson = (m: string, l: string) => `/learn/${m}/${l}`;
    const html = renderMarkdown('[a](lesson:02-icls/01-why) [b](lesson:03-next)', {
      linkLesson,
      moduleId: '01-overview',
    });
    expect(html).toBe(
      '<p><a href="/learn/02-icls/01-why">a</a> <a href="/learn/01-overview/03-next">b</a></p>\n',
    );
  });

  it('keeps list markers such as (c) and (r) as written', () => {
    expect(renderMarkdown('(c) stocks and (r) rates')).toBe('<p>(c) stocks and (r) rates</p>\n');
  });

  it('leaves [[...]] inside code untouched', () => {
    expect(renderMarkdown('`[[usual-residence]]`', { glossary })).toBe(
      '<p><code>[[usual-residence]]</code></p>\n',
    );
  });
});
