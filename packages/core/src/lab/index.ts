/**
 * `@labmig/core/lab` — the Lab on the server: datasets (uploaded CSV/.sav/.dta, or a practice dataset), read in a
 * worker thread (overview, suggested mapping); the mapping saved on the server; runs of the ILMS tables and SDG
 * 10.7.1 as jobs of the one job runner, their CPU work in the worker pool, progress on `job:<id>`; results as the
 * engine's tables and downloads. See README.md in this folder.
 */
export { LAB_LIMITS } from './lab-limits.ts';
export type { LabProblem } from './lab-problem.ts';
export type { LabOverview } from './lab.task.ts';
export {
  pickPracticeSchema,
  shareDatasetSchema,
  mappingSettingsSchema,
  mappingJsonSchema,
  LAB_EXPORT_FORMATS,
  type LabExportFormat,
  type MappingSettingsInput,
} from './lab.schema.ts';
export {
  prepareLabUpload,
  createUploadedDataset,
  createPracticeDataset,
  saveLabMapping,
  importLabMapping,
  shareLabDataset,
  deleteLabDataset,
  startLabRun,
  cancelLabRun,
  retryLabRun,
  rereadLabDataset,
} from './lab.commands.ts';
export {
  getLabHome,
  getLabDatasetPage,
  getLabRunPage,
  getLabRunStatus,
  getLabRunTables,
  getLabRunDownload,
  runDisplayState,
  type LabRunDto,
  type LabRunDisplayState,
  type LabDatasetSummary,
  type LabMappingRole,
  type LabDownload,
} from './lab.queries.ts';
export { labInspectJob, labRunJob, labTask } from './lab.jobs.ts';
export { LAB_ENGINE_VERSION } from './lab-version.ts';
