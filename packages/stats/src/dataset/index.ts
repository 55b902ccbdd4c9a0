// Public API of this area; re-exported from ../index.ts.
export type * from './dataset.types.ts';
export {
  createDataset,
  numericColumn,
  categoricalColumn,
  categoricalFromCodes,
  withColumns,
  type CreateDatasetOptions,
  type NumericColumnOptions,
} from './dataset.ts';
export { selectRows, filterRows } from './dataset-rows.ts';
export { suggestNames } from './suggest-names.ts';
export { describeDataset, type DatasetDescription, type VariableSummary } from './describe-dataset.ts';
