import { describe, expect, it } from 'vitest';
import { normaliseSearchText, plainExcerpt, postSearchText, searchTerms } from './forum-text.rules.ts';

describe('normaliseSearchText', () => {
  it('folds case and accents and splits on everything that is not a letter or digit', () => {
    expect(normaliseSearchText('Données: SDG 10.7.1, l’emploi — ÉTÉ')).toBe(
      'donnees sdg 10 7 1 l emploi ete',
    );
    expect(normaliseSearchText('  <script>alert(1)</script> ')).toBe('script alert 1 script');
  });
});

describe('searchTerms', () => {
  it('keeps distinct words of two characters or more, without any query syntax', () => {
    expect(searchTerms('Migrant "workers" OR x* -y')).toEqual(['migrant', 'workers', 'or']);
    expect(searchTerms('a b')).toEqual([]);
    expect(searchTerms('emploi Emploi EMPLOI')).toEqual(['emploi']);
    expect(searchTerms('1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20').length).toBe(8);
  });
});

describe('postSearchText', () => {
  it('indexes the title with the first post only', () => {
    expect(postSearchText('Body text', 'Le Titre')).toBe('le titre body text');
    expect(postSearchText('Body text', null)).toBe('body text');
  });
});

describe('plainExcerpt', () => {
  it('drops inline marks without leaving a space, and list, heading and quote marks at line starts', () => {
    expect(plainExcerpt('Start with **module 1**, then _read_ `ILMS`.', 80)).toBe(
      'Start with module 1, then read ILMS.',
    );
    expect(plainExcerpt('## Plan\n- Weekly quiz\n- Forum\n1. First\n> a - b', 80)).toBe(
      'Plan Weekly quiz Forum First a - b',
    );
    expect(plainExcerpt('keep snake_case and 10 - 2', 80)).toBe('keep snake_case and 10 - 2');
  });

  it('drops Markdown marks and collapses whitespace', () => {
    expect(plainExcerpt('**Bold** and [a link](https://x.org)\n\n> quoted', 40)).toBe(
      'Bold and a link quoted',
    );
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    expect(plainExcerpt('one two three four five six seven', 15)).toBe('one two three…');
  });

  it('starts near the first search term when it is far into the text', () => {
    const text = `${'lorem ipsum '.repeat(20)}the recruitment costs matter ${'dolor sit '.repeat(20)}`;
    const excerpt = plainExcerpt(text, 60, ['recruitment']);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt).toContain('recruitment costs');
  });
});
