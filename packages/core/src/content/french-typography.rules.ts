import { parseYamlSource } from './yaml-source.ts';

/** A straight apostrophe between two letters: `l'OIT` instead of `l’OIT`. */
const STRAIGHT_APOSTROPHE = /\p{L}'\p{L}/u;

/** One French string that uses the straight apostrophe. */
export interface FrenchApostrophe {
  /** 1-based line of the string in the YAML file. */
  readonly line: number;
  /** The offending fragment, e.g. `l'OIT`. */
  readonly text: string;
}

/**
 * French text in the course files uses one apostrophe, the typographic ’ of the interface's French catalogues. This
 * finds every string under an `fr` key (at any depth) of a YAML text that uses the straight ' instead.
 * @example findStraightFrenchApostrophes("title: The ILO\nfr: { title: \"L'OIT\" }", 'x.yaml') // [{ line: 2, text: "L'O" }]
 */
export function findStraightFrenchApostrophes(yamlText: string, file: string): FrenchApostrophe[] {
  const parsed = parseYamlSource(yamlText, file);
  if (!parsed.ok) return [];
  const { source } = parsed;
  const found: FrenchApostrophe[] = [];
  const walk = (value: unknown, path: (string | number)[], inFrench: boolean): void => {
    if (typeof value === 'string') {
      const match = inFrench ? STRAIGHT_APOSTROPHE.exec(value) : null;
      if (match) found.push({ line: source.lineOf(path), text: match[0] });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i], inFrench));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key], inFrench || key === 'fr');
    }
  };
  walk(source.data, [], false);
  return found;
}
