/**
 * The Observatory: reference data (the ILO global estimates of international migrant workers by edition, their
 * sources, the ISO 3166 / UN M49 country list — loaded from `content/data` and checked), the explorer's view of
 * them, the country table sets learners and groups publish from the Lab (with the figures the cohort observatory,
 * the atlas and the SDG 10.7.1 page take from them), and policy-coherence assessments.
 */
export {
  loadReferenceData,
  GLOBAL_ESTIMATES_DIR,
  type LoadReferenceDataResult,
} from './reference-data.loader.ts';
export { referenceDataOf } from './reference-data.cache.ts';
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
export {
  acrossEditions,
  breakdownOf,
  breakdownsOf,
  editionsOf,
  estimateRows,
  estimatesCsv,
  type EstimateRow,
} from './estimates.present.ts';
export {
  TABLE_SET_LIMITS,
  tableSetMetaSchema,
  type TableSetMetaInput,
  type TidyTable,
  type TidyRow,
} from './table-set.schema.ts';
export {
  getTableSet,
  listTableSets,
  listTableSetsWithTables,
  parseTablesJson,
  publishTableSet,
  withdrawTableSet,
  type CohortObservatory,
  type TableSetDetail,
  type TableSetInput,
  type TableSetSummary,
} from './table-set.commands.ts';
export {
  COUNTRY_INDICATORS,
  COUNTRY_INDICATOR_IDS,
  corridorValues,
  countryValues,
  indicatorOf,
  parseCorridor,
  sectorShares,
  type CorridorValue,
  type CountryIndicator,
  type CountryValue,
  type SetFigure,
} from './indicators.rules.ts';
export {
  COHERENCE_AREAS,
  COHERENCE_LIMITS,
  addObjectiveSchema,
  createCoherenceCaseSchema,
  scorePairSchema,
  type AddObjectiveInput,
  type CoherenceAreaId,
  type CreateCoherenceCaseInput,
  type ScorePairInput,
} from './coherence.schema.ts';
export {
  addCoherenceObjective,
  createCoherenceCase,
  getCoherenceCase,
  listCoherenceCases,
  removeCoherenceObjective,
  scoreCoherencePair,
  type CoherenceCaseDetail,
  type CoherenceCaseSummary,
  type CoherenceList,
} from './coherence.commands.ts';
export { coherenceCsv, type MatrixPair, type Objective } from './coherence.rules.ts';
