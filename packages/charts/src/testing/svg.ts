import { DOMParser } from 'linkedom';

/** Parses an SVG string into a document, for tests that assert structure. */
export function parseSvg(svg: string): Document {
  return new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
}

/** Every id in the document, for duplicate checks. */
export function idsOf(doc: Document): string[] {
  return [...doc.querySelectorAll('[id]')].map((e) => e.getAttribute('id') as string);
}
