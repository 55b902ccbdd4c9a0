/**
 * Words that belong to the people who write a course, not to the people who take it: notes on what still needs
 * checking, references to the authors' own briefing papers, placeholders. None may reach a learner.
 */
const MARKERS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\bunverified\b/i, what: '"unverified"' },
  { pattern: /\bnon[ -]v[ée]rifi[ée]e?s?(?!\p{L})/iu, what: '"non vérifié"' },
  {
    pattern: /\b(?:domain|source|course|course['’]s|authoring|our|this|the|research) brief\b/i,
    what: 'a reference to an authoring brief',
  },
  { pattern: /\bbrief (?:marks|says|notes|lists)\b/i, what: 'a reference to an authoring brief' },
  { pattern: /\b(?:TODO|FIXME|TBD|XXX)\b/, what: 'a to-do marker' },
  { pattern: /\blorem ipsum\b/i, what: 'placeholder text' },
  { pattern: /\[(?:citation|source) needed\]/i, what: '"[citation needed]"' },
  { pattern: /\bcheck (?:this|before publishing)\b/i, what: 'a note to the authors' },
];

/** One marker found on a line. */
export interface AuthoringMarker {
  /** 1-based line in the scanned text. */
  readonly line: number;
  /** What was found, for the message. */
  readonly what: string;
  /** The matched text. */
  readonly text: string;
}

/**
 * Finds authoring markers in learner-facing text, one report per line (the first marker on it). `skipLine`
 * leaves out lines that no learner sees, such as YAML or GIFT comments.
 * @example findAuthoringMarkers('Fine.\nA figure (unverified).').map((m) => m.line) // [2]
 */
export function findAuthoringMarkers(
  text: string,
  skipLine: (line: string) => boolean = () => false,
): AuthoringMarker[] {
  const found: AuthoringMarker[] = [];
  text.split('\n').forEach((line, i) => {
    if (skipLine(line)) return;
    for (const { pattern, what } of MARKERS) {
      const match = pattern.exec(line);
      if (match) {
        found.push({ line: i + 1, what, text: match[0] });
        return;
      }
    }
  });
  return found;
}

/** YAML comment lines (`# …`) are for authors. */
export const isYamlComment = (line: string): boolean => line.trimStart().startsWith('#');

/** GIFT comment lines (`// …`) are for authors (Moodle keeps only their `[id:]` and `[tag:]` tokens). */
export const isGiftComment = (line: string): boolean => line.trimStart().startsWith('//');
