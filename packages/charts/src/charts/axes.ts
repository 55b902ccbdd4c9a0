import { textWidth } from '../text/wrap.ts';

/** The horizontal value axis shared by bar and estimate charts: gridlines, unit label at the right, locale ticks. */
export function valueAxis(
  domain: [number, number],
  label: string,
  fmt: (v: number) => string,
  ticks?: number,
) {
  return {
    domain,
    nice: true,
    grid: true,
    label,
    labelAnchor: 'right' as const,
    labelArrow: 'none' as const,
    // Tick labels drop trailing zeros ("100", not "100.0"); bar labels keep the data's decimals.
    tickFormat: (v: number) => fmt(v).replace(/[.,]0+$/, ''),
    ...(ticks === undefined ? {} : { ticks }),
  };
}

/**
 * Vertical layout of categories: one row per label, or, with groups, one facet per label and one row per group
 * inside it (the legend names the groups). Returns the Plot scale options and the left margin the labels need.
 */
export function categoryLayout(labels: readonly string[], groups: readonly string[], plotWidth: number) {
  const grouped = groups.length > 0;
  const marginLeft = Math.min(
    plotWidth * 0.4,
    Math.max(...labels.map((l) => textWidth(l, 11))) + (grouped ? 24 : 12),
  );
  const scales = grouped
    ? {
        y: { domain: [...groups], axis: null },
        fy: { domain: [...labels], label: null, axis: 'left' as const, padding: 0.2 },
      }
    : { y: { domain: [...labels], label: null, tickSize: 0 } };
  return { grouped, marginLeft, scales };
}
