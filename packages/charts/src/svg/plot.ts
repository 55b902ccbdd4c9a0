import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Renders an Observable Plot figure on a linkedom document (no browser needed) and returns the SVG markup without
 * Plot's class, stylesheet and font, so it inherits the frame's font and stays small and deterministic.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
  const el = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as Element;
  if (el.tagName.toLowerCase() !== 'svg')
    throw new Error('renderPlot expects a plot without legend or caption');
  el.removeAttribute('class');
  el.removeAttribute('font-family');
  el.removeAttribute('font-size');
  el.querySelector('style')?.remove();
  el.setAttribute('font-size', '11');
  el.setAttribute('aria-hidden', 'true');
  return el.outerHTML;
}
