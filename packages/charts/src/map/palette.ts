/**
 * Sequential single-hue blues for 2–7 classes, from ColorBrewer ("Blues"; colour-blind safe and print friendly).
 * Colors from www.ColorBrewer.org by Cynthia A. Brewer, Geography, Pennsylvania State University (Apache 2.0).
 */
const BLUES: Record<number, readonly string[]> = {
  2: ['#9ecae1', '#3182bd'],
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
};

/** The fill colours for `classes` classes, lightest (lowest values) first. */
export function sequentialPalette(classes: number): readonly string[] {
  const palette = BLUES[classes];
  if (!palette) throw new RangeError(`sequentialPalette: classes must be from 2 to 7 (got ${classes})`);
  return palette;
}
