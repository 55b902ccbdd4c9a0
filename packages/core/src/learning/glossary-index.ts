import type { GlossaryEntryDto } from './glossary-page.queries.ts';

/** One letter of the glossary's A–Z index: `anchor` is null when no (shown) term starts with it. */
export interface GlossaryLetterDto {
  readonly letter: string;
  readonly anchor: string | null;
}

/** The terms that start with one letter, under that letter's heading (`id` is the index's link target). */
export interface GlossarySectionDto {
  readonly letter: string;
  readonly id: string;
  readonly entries: readonly GlossaryEntryDto[];
}

const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/** The group of terms that do not start with a letter from A to Z (digits, symbols). */
export const OTHER_LETTER = '#';

/** Lower case without accents, ligatures spelled out, spaces collapsed: "Émigré  Œuvre" equals "emigre oeuvre". */
function fold(text: string): string {
  return text
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The index letter of a term: its first letter without accent, upper case ("Émigration" → "E"), else "#". */
export function glossaryLetter(term: string): string {
  const first = fold(term).charAt(0).toUpperCase();
  return ALPHABET.includes(first) ? first : OTHER_LETTER;
}

/**
 * The entries whose term, definition or term in the other language contains `query` (case and accents ignored);
 * all entries for an empty query.
 */
export function filterGlossary(entries: readonly GlossaryEntryDto[], query: string): GlossaryEntryDto[] {
  const q = fold(query);
  if (q === '') return [...entries];
  return entries.filter((e) => [e.term, e.definition, e.other.term].some((text) => fold(text).includes(q)));
}

/** Groups sorted entries by their index letter, keeping their order; "#" comes first, as it sorts first. */
export function glossarySections(entries: readonly GlossaryEntryDto[]): GlossarySectionDto[] {
  const sections = new Map<string, GlossaryEntryDto[]>();
  for (const e of entries) {
    const letter = glossaryLetter(e.term);
    sections.set(letter, [...(sections.get(letter) ?? []), e]);
  }
  return [OTHER_LETTER, ...ALPHABET]
    .filter((letter) => sections.has(letter))
    .map((letter) => ({ letter, id: letterAnchor(letter), entries: sections.get(letter)! }));
}

/** A to Z (and "#" when some term starts with neither), each linked only when one of `sections` has it. */
export function glossaryLetters(sections: readonly GlossarySectionDto[]): GlossaryLetterDto[] {
  const present = new Set(sections.map((s) => s.letter));
  return [...(present.has(OTHER_LETTER) ? [OTHER_LETTER] : []), ...ALPHABET].map((letter) => ({
    letter,
    anchor: present.has(letter) ? letterAnchor(letter) : null,
  }));
}

function letterAnchor(letter: string): string {
  return letter === OTHER_LETTER ? 'letter-other' : `letter-${letter.toLowerCase()}`;
}
