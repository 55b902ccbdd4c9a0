/** The single-series colour: a dark blue that keeps AA contrast for text on white. */
export const PRIMARY = '#1f5a91';

/**
 * Categorical colours for groups (Okabe & Ito, "Color Universal Design", 2008), ordered so that the first pairs
 * stay distinct for the common colour-vision deficiencies and in greyscale print.
 */
export const CATEGORICAL = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

/** Colour of group `i` (cycles after eight groups). */
export function groupColour(i: number): string {
  return CATEGORICAL[i % CATEGORICAL.length];
}
