import type { Token } from 'markdown-it';
import { createMarkdownEngine, type TermRef } from './markdown.engine.ts';

/** Glossary terms and lesson links used in a Markdown text, with their 0-based line inside it. */
export interface MarkdownReferences {
  readonly terms: { id: string; line: number }[];
  readonly lessonLinks: { href: string; line: number }[];
}

const md = createMarkdownEngine();

/**
 * Lists the `[[term]]` and `lesson:` references of a Markdown text (code spans and blocks are ignored, as the
 * renderer ignores them).
 * @example findMarkdownReferences('x\n[[a-b]]').terms // [{ id: 'a-b', line: 1 }]
 */
export function findMarkdownReferences(markdown: string): MarkdownReferences {
  const terms: { id: string; line: number }[] = [];
  const lessonLinks: { href: string; line: number }[] = [];
  let blockLine = 0;
  for (const block of md.parse(markdown, {})) {
    if (block.map) blockLine = block.map[0];
    if (block.type !== 'inline' || !block.children) continue;
    let offset = 0;
    for (const child of block.children as Token[]) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') offset++;
      else if (child.type === 'glossary_term')
        terms.push({ id: (child.meta as unknown as TermRef).id, line: blockLine + offset });
      else if (child.type === 'link_open') {
        const href = String(child.attrGet('href') ?? '');
        if (href.startsWith('lesson:')) lessonLinks.push({ href, line: blockLine + offset });
      }
    }
  }
  return { terms, lessonLinks };
}
