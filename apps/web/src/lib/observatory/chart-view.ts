import type { ChartTable } from '@labmig/charts';

/** A chart as a page shows it: the server-drawn SVG, its title and description, and its data table. */
export interface ChartView {
  /** The SVG inline; empty when the page shows it as an image from its URL (keeps big maps out of the page data). */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
  readonly table: ChartTable;
}
