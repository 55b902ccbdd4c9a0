import { strToU8, zipSync, type Zippable } from 'fflate';
import type { StatTable } from '../migration/table.types.ts';
import { tidyRows } from './tidy-rows.ts';
import {
  contentTypesXml,
  rootRelsXml,
  sheetNames,
  stylesXml,
  workbookRelsXml,
  workbookXml,
  worksheetXml,
} from './xlsx-parts.ts';

/** One sheet of a workbook: a header row, then rows of numbers and text (null or a non-finite number = empty). */
export interface XlsxSheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (number | string | null)[])[];
}

/**
 * An XLSX workbook (Office Open XML, written directly) from plain sheets: the header row in bold, numbers stored as
 * numbers, text as inline strings (never read as a formula), sheet names made valid and unique.
 *
 * @returns the .xlsx file bytes.
 * @example
 * toXlsxWorkbook([{ name: 'grades', header: ['learner', 'grade'], rows: [['Ana', 72.5]] }]); // a one-sheet .xlsx
 */
export function toXlsxWorkbook(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('toXlsxWorkbook: a workbook needs at least one sheet');
  const names = sheetNames(sheets.map((s) => s.name));
  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypesXml(sheets.length)),
    '_rels/.rels': strToU8(rootRelsXml()),
    'xl/workbook.xml': strToU8(workbookXml(names)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRelsXml(sheets.length)),
    'xl/styles.xml': strToU8(stylesXml()),
  };
  sheets.forEach((sheet, i) => {
    const rows = sheet.rows.map((row) => row.map((v) => (v === null ? Number.NaN : v)));
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheetXml(sheet.header, rows));
  });
  return zipSync(files, { level: 6 });
}

/**
 * An XLSX workbook of statistical tables: a `contents` sheet listing every table (id, title, ILOSTAT indicator,
 * unit, notes), then one sheet per table in tidy form with numbers stored as numbers.
 *
 * @returns the .xlsx file bytes.
 * @example
 * writeFileSync('tables.xlsx', toXlsx(tables));
 */
export function toXlsx(tables: readonly StatTable[]): Uint8Array {
  // The contents sheet names each table's sheet as toXlsxWorkbook will make it.
  const names = sheetNames(['contents', ...tables.map((t) => t.id)]);
  return toXlsxWorkbook([
    {
      name: 'contents',
      header: ['sheet', 'id', 'title', 'indicator', 'unit', 'notes'],
      rows: tables.map((t, i) => [
        names[i + 1]!,
        t.id,
        t.title,
        t.indicator ?? '',
        t.unit,
        t.notes.join(' '),
      ]),
    },
    ...tables.map((t) => ({ name: t.id, ...tidyRows(t) })),
  ]);
}
