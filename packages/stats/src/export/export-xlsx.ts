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

/**
 * An XLSX workbook (Office Open XML, written directly): a `contents` sheet listing every table (id, title, ILOSTAT
 * indicator, unit, notes), then one sheet per table in tidy form with numbers stored as numbers.
 *
 * @returns the .xlsx file bytes.
 * @example
 * writeFileSync('tables.xlsx', toXlsx(tables));
 */
export function toXlsx(tables: readonly StatTable[]): Uint8Array {
  const names = sheetNames(['contents', ...tables.map((t) => t.id)]);
  const sheets: string[] = [
    worksheetXml(
      ['sheet', 'id', 'title', 'indicator', 'unit', 'notes'],
      tables.map((t, i) => [names[i + 1], t.id, t.title, t.indicator ?? '', t.unit, t.notes.join(' ')]),
    ),
    ...tables.map((t) => {
      const { header, rows } = tidyRows(t);
      return worksheetXml(header, rows);
    }),
  ];
  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypesXml(sheets.length)),
    '_rels/.rels': strToU8(rootRelsXml()),
    'xl/workbook.xml': strToU8(workbookXml(names)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRelsXml(sheets.length)),
    'xl/styles.xml': strToU8(stylesXml()),
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  return zipSync(files, { level: 6 });
}
