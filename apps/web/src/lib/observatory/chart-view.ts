import type { ChartTable } from '@labmig/charts';

/** A chart as a page shows it: the server-drawn SVG, its title and description, and its data table. */
export interface ChartView {
  readonly svg: string;
  readonly title: string;
  readonly description: string;
  readonly table: ChartTable;
}
