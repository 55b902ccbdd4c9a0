/** The two interface languages; every text the package writes itself exists in both. */
export type Locale = 'en' | 'fr';

/** A column of a chart's data table. `unit` is shown in the column header ("Value (millions)"). */
export interface TableColumn {
  readonly key: string;
  readonly label: string;
  readonly type: 'text' | 'number';
  readonly unit?: string;
}

/** The data a chart shows, as a table: one array of cells per row, in the order of `columns`. */
export interface ChartTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/**
 * What every chart and map returns: the SVG (role="img" with `<title>` and `<desc>`, a source line under the
 * chart), its title and text description (for a text alternative) and the table of the data it shows (for a data
 * view and a CSV download).
 */
export interface ChartResult {
  readonly svg: string;
  readonly title: string;
  readonly description: string;
  readonly table: ChartTable;
  readonly width: number;
  readonly height: number;
}

/** Texts around a chart, written by the caller in the reader's language. */
export interface ChartText {
  /** Heading of the chart (and its accessible name). */
  readonly title: string;
  /** One line under the title, usually what is measured and the unit: "Millions of persons, 2022". */
  readonly subtitle?: string;
  /** The source line, without the "Source:" prefix, e.g. "ILO, Global Estimates on International Migrant Workers (2024)". */
  readonly source: string;
  /** An optional note under the source ("Editions differ in method; …"). */
  readonly note?: string;
  /** Replaces the generated text description. */
  readonly description?: string;
  /**
   * Prefix for the ids inside the SVG (title, desc, patterns), so several charts can share one page. Letters,
   * digits and hyphens. Default: derived from the title, so the same chart always gets the same ids.
   */
  readonly id?: string;
}

/** Options shared by every chart. */
export interface ChartOptions extends ChartText {
  readonly locale?: Locale;
  /** Width of the SVG in pixels (the SVG scales down with CSS `max-width: 100%`). Default 640. */
  readonly width?: number;
}
