import { describe, expect, it } from 'vitest';
import { questionHtml } from './question-html.ts';

describe('questionHtml', () => {
  it('renders Markdown and never raw HTML', () => {
    expect(questionHtml('The **migrant share**, in %', 'markdown')).toBe(
      '<p>The <strong>migrant share</strong>, in %</p>\n',
    );
    expect(questionHtml('<script>alert(1)</script>', 'markdown')).not.toContain('<script');
  });

  it('escapes plain, html and moodle texts into paragraphs', () => {
    expect(questionHtml('a < b\nc\n\nd & "e"', 'plain')).toBe(
      '<p>a &lt; b<br>c</p>\n<p>d &amp; &quot;e&quot;</p>',
    );
    expect(questionHtml('<img src=x onerror=alert(1)>', 'html')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });
});
