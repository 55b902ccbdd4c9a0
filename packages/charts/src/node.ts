/**
 * @labmig/charts/node — PNG export (Node only: it loads the native resvg renderer, shipped prebuilt in the
 * `@resvg/resvg-js-<platform>` npm packages, so nothing is downloaded at install time).
 */
import { Resvg } from '@resvg/resvg-js';

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Width of the PNG in pixels; default: twice the SVG's width, for sharp text on high-density screens and print. */
  readonly width?: number;
}

/** Largest PNG width accepted, so a request cannot ask for a huge image. */
export const MAX_PNG_WIDTH = 4000;

/**
 * Renders an SVG produced by this package to PNG with resvg, using the system's fonts (Liberation Sans or DejaVu
 * Sans on Debian). Returns the PNG bytes.
 * @throws {RangeError} when `width` is not an integer between 16 and {@link MAX_PNG_WIDTH}.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const natural = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 640);
  const width = options.width ?? Math.round(natural * 2);
  if (!Number.isInteger(width) || width < 16 || width > MAX_PNG_WIDTH) {
    throw new RangeError(`svgToPng: width must be an integer between 16 and ${MAX_PNG_WIDTH} (got ${width})`);
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  });
  return resvg.render().asPng();
}
