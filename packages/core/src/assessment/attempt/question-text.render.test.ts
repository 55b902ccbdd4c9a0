import { describe, expect, it } from 'vitest';
import { parseGift } from '../gift/gift.parser.ts';
import { renderQuestionText } from './question-text.render.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '<a href="javascript:alert(3)">link</a>',
  '<a href="JaVaScRiPt&colon;alert(4)">link</a>',
  '<svg onload="alert(5)"><circle/></svg>',
  '<iframe src="https://evil.example/"></iframe>',
  '<p style="background:url(javascript:alert(6))" onclick="alert(7)">p</p>',
  '<img src="data:image/svg+xml,<svg onload=alert(8)>">',
  '<style>body{display:none}</style>',
  '<form action="https://evil.example/"><input name="q"></form>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<a href="//evil.example/">protocol-relative</a>',
  '<math><mi xlink:href="javascript:alert(9)">m</mi></math>',
].join('\n');

/** Whatever could run, load a frame or post a form — searched in the tags only (escaped text may say anything). */
const EXECUTABLE =
  /<script|<style|<iframe|<svg|<object|<embed|<form|<input|<math|\son\w+\s*=|javascript:|data:|style="background|href="\/\//i;

describe('renderQuestionText', () => {
  for (const format of ['html', 'moodle', 'markdown', 'plain'] as const)
    it(`${format}: nothing executable survives hostile input`, () => {
      const html = renderQuestionText(HOSTILE, format);
      const tags = html.match(/<[^>]*>/g) ?? [];
      expect(tags.filter((tag) => EXECUTABLE.test(tag))).toEqual([]);
      expect(html).toContain('link');
    });

  it('html keeps formatting, safe links and images, and drops what is not allowed', () => {
    expect(renderQuestionText('<p>The <b>net</b> rate<sup>2</sup></p>', 'html')).toBe(
      '<p>The <b>net</b> rate<sup>2</sup></p>',
    );
    expect(renderQuestionText('<a href="https://ilo.org" onclick="x()">ILO</a>', 'html')).toBe(
      '<a href="https://ilo.org">ILO</a>',
    );
    expect(renderQuestionText('<img src="https://x.org/a.png" alt="A" onerror="x()">', 'html')).toBe(
      '<img src="https://x.org/a.png" alt="A" loading="lazy" decoding="async" />',
    );
    expect(renderQuestionText('<a href="javascript:alert(1)">x</a>', 'html')).toBe('<a>x</a>');
    expect(renderQuestionText('a<script>alert(1)</script>b', 'html')).toBe('ab');
    expect(renderQuestionText('x < 5 & y', 'html')).toBe('x &lt; 5 &amp; y');
  });

  it('moodle is HTML with its line breaks kept', () => {
    expect(renderQuestionText('Line <i>one</i>\nline two', 'moodle')).toBe('Line <i>one</i><br />\nline two');
  });

  it('markdown goes through the lessons renderer (raw HTML as text); plain stays escaped text', () => {
    expect(renderQuestionText('A **b** <i>c</i>', 'markdown')).toBe(
      '<p>A <strong>b</strong> &lt;i&gt;c&lt;/i&gt;</p>\n',
    );
    expect(renderQuestionText('<b>x</b>\ny\n\nz', 'plain')).toBe(
      '<p>&lt;b&gt;x&lt;/b&gt;<br>y</p>\n<p>z</p>',
    );
  });

  it('renders the formats GIFT reads: [html] tags become HTML, [plain] stays text', () => {
    const [html, plain, moodle] = parseGift(
      '[html]Is <b>this</b> bold?{T}\n\n[plain]Is <b>this</b> bold?{T}\n\nIs <em>this</em>\nkept?{T}',
    );
    expect(renderQuestionText(html.text, html.format)).toBe('Is <b>this</b> bold?');
    expect(renderQuestionText(plain.text, plain.format)).toBe('<p>Is &lt;b&gt;this&lt;/b&gt; bold?</p>');
    expect(moodle.format).toBe('moodle');
    expect(renderQuestionText(moodle.text, moodle.format)).toBe('Is <em>this</em><br />\nkept?');
  });
});
