// Public API of this area; re-exported from ../index.ts.
export { toTidyJson, readTidyJson, type TidyTablesMeta } from './export-json.ts';
export { csvField, toCsv, toCsvText } from './export-csv.ts';
export { toXlsx, toXlsxWorkbook, type XlsxSheet } from './export-xlsx.ts';
export { toIlostatCsv, ILOSTAT_COLUMNS } from './export-ilostat.ts';
export type { IlostatContext } from './export-ilostat.ts';
export { ilostatCode } from './ilostat-codes.ts';
export { tidyRows, VALUE_COLUMNS } from './tidy-rows.ts';
export type { TidyValue } from './tidy-rows.ts';
