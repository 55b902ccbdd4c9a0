import { describe, expect, it } from 'vitest';
import { filterGlossary, glossaryLetter, glossaryLetters, glossarySections } from './glossary-index.ts';
import type { GlossaryEntryDto } from './glossary-page.queries.ts';

function entry(id: string, term: string, definition: string, otherTerm = term): GlossaryEntryDto {
  return {
    id,
    anchor: `term-${id}`,
    term,
    definition,
    other: { locale: 'en', term: otherTerm, definition: '' },
    module: null,
  };
}

// Sorted as the French page sorts them.
const entries = [
  entry('remit', '2e génération', 'Enfants nés dans le pays de parents immigrés.', 'Second generation'),
  entry('emig', 'Émigrant', 'Personne qui quitte son pays de résidence habituelle.', 'Emigrant'),
  entry('empl', 'Emploi', 'Travail rémunéré.', 'Employment'),
  entry('lfs', 'Enquête sur les forces de travail', 'Enquête auprès des ménages.', 'Labour force survey'),
  entry(
    'mw',
    'Travailleur migrant',
    'Personne qui travaille dans un pays dont elle n’a pas la nationalité.',
    'Migrant worker',
  ),
];

describe('glossaryLetter', () => {
  it('files a term under its first letter without accent, and under "#" when it starts with no letter', () => {
    expect(glossaryLetter('Émigrant')).toBe('E');
    expect(glossaryLetter('œuvre')).toBe('O');
    expect(glossaryLetter('  travail')).toBe('T');
    expect(glossaryLetter('2e génération')).toBe('#');
  });
});

describe('glossarySections and glossaryLetters', () => {
  it('groups the terms by letter and links only the letters that have terms', () => {
    const sections = glossarySections(entries);
    expect(sections.map((s) => [s.letter, s.id, s.entries.map((e) => e.id)])).toEqual([
      ['#', 'letter-other', ['remit']],
      ['E', 'letter-e', ['emig', 'empl', 'lfs']],
      ['T', 'letter-t', ['mw']],
    ]);
    const letters = glossaryLetters(sections);
    expect(letters).toHaveLength(27);
    expect(letters.slice(0, 6)).toEqual([
      { letter: '#', anchor: 'letter-other' },
      { letter: 'A', anchor: null },
      { letter: 'B', anchor: null },
      { letter: 'C', anchor: null },
      { letter: 'D', anchor: null },
      { letter: 'E', anchor: 'letter-e' },
    ]);
    expect(letters.filter((l) => l.anchor).map((l) => l.letter)).toEqual(['#', 'E', 'T']);
  });

  it('shows A to Z without "#" when every term starts with a letter', () => {
    const letters = glossaryLetters(glossarySections(entries.slice(1)));
    expect(letters.map((l) => l.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  });
});

describe('filterGlossary', () => {
  it('keeps the terms whose term, definition or other-language term contains the text, ignoring case and accents', () => {
    expect(filterGlossary(entries, 'EMIGR').map((e) => e.id)).toEqual(['emig']);
    expect(filterGlossary(entries, 'remunere').map((e) => e.id)).toEqual(['empl']);
    expect(filterGlossary(entries, 'ménages').map((e) => e.id)).toEqual(['lfs']);
    expect(filterGlossary(entries, 'labour force').map((e) => e.id)).toEqual(['lfs']);
    expect(filterGlossary(entries, 'pays').map((e) => e.id)).toEqual(['remit', 'emig', 'mw']);
    expect(filterGlossary(entries, 'visa')).toEqual([]);
  });

  it('keeps every term for an empty or blank filter', () => {
    expect(filterGlossary(entries, '  ')).toHaveLength(5);
  });
});
