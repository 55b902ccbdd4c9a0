/**
 * A diagonal hatch on light grey, for "no data" areas and unassessed cells: readable without colour and in
 * greyscale print.
 */
export function hatchPattern(id: string): string {
  return (
    `<pattern id="${id}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="5" height="5" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="5" stroke="#a3a3a3" stroke-width="1.4"/></pattern>`
  );
}
