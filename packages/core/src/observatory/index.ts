/**
 * Observatory reference data: the ILO global estimates of international migrant workers by edition, their sources,
 * and the ISO 3166 / UN M49 country list — loaded from `content/data` and checked (provenance, codes, totals).
 */
export {
  loadReferenceData,
  GLOBAL_ESTIMATES_DIR,
  type LoadReferenceDataResult,
} from './reference-data.loader.ts';
export { parseCsv } from '../shared/csv-read.ts';
export {
  checkReferenceData,
  roundingHalfUnit,
  M49_REGIONS,
  type ReferenceData,
  type ReferenceDataProblem,
} from './reference-data.rules.ts';
export {
  DIMENSIONS,
  INDICATORS,
  type Country,
  type Dimension,
  type EditionFile,
  type Figure,
  type Indicator,
  type M49Area,
  type Source,
} from './reference-data.schema.ts';
