// The Lab's commands: new datasets (uploaded or practice), the mapping saved on the server, sharing, deleting, and
// runs (start, cancel, run again). Each: load → can() → rules → one transaction (with its job, when it has one).
import {
  countActiveLabJobsOfOwner,
  findJobById,
  deleteLabDataset as deleteDatasetRow,
  insertLabDataset,
  insertLabRun,
  labUsageOfOwner,
  listGroupsOfPerson,
  listLabRuns,
  newId,
  updateLabDataset,
  updateLabRun,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { SITE } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import {
  ConflictError,
  DomainValidationError,
  ForbiddenError,
  NotFoundError,
} from '../errors/domain-errors.ts';
import { deleteStoredFile, keepStoredFiles } from '../files/upload.commands.ts';
import type { StoredFileDto } from '../files/stored-file.ts';
import type { UploadRule } from '../files/upload-rules.ts';
import { UPLOAD_RULES } from '../files/upload-rules.ts';
import { cancelJob, enqueueJob, retryJob } from '../jobs/job-queue.ts';
import { storageKey } from '../storage/storage-key.ts';
import { listPracticeFiles, practiceMapping } from './lab-data.ts';
import { LAB_LIMITS } from './lab-limits.ts';
import { keepKnownColumns, readDraft, unsetRequired } from './lab-mapping.rules.ts';
import { loadLabDataset } from './lab-access.ts';
import { labInspectJob, labRunJob } from './lab.jobs.ts';
import { LAB_ENGINE_VERSION } from './lab-version.ts';
import { labDatasetDisplay, labDatasetRereadable, loadLabRun, runDisplayState } from './lab.queries.ts';
import type { DatasetOverview, MappingDraft } from '@labmig/stats';

async function assertJobRoom(app: Pick<App, 'db'>, userId: string): Promise<void> {
  if ((await countActiveLabJobsOfOwner(app.db, userId)) >= LAB_LIMITS.maxActiveJobs)
    throw new ConflictError('lab.too_many_jobs');
}

/**
 * Checks that the actor may add a dataset now (count, space, jobs) and returns the upload rule for their next file:
 * the Lab's rule, its largest file cut to the space left. Call before streaming the upload.
 * @throws ConflictError `lab.too_many_datasets`, `lab.storage_full`, `lab.too_many_jobs`
 */
export async function prepareLabUpload(app: Pick<App, 'db'>, actor: Actor): Promise<UploadRule> {
  assertCan(actor, 'lab.use', SITE);
  const usage = await labUsageOfOwner(app.db, actor.userId);
  if (usage.datasets >= LAB_LIMITS.maxDatasets) throw new ConflictError('lab.too_many_datasets');
  const left = LAB_LIMITS.maxBytes - usage.bytes;
  if (left < 1024) throw new ConflictError('lab.storage_full');
  await assertJobRoom(app, actor.userId);
  const rule = UPLOAD_RULES['lab-dataset'];
  return {
    ...rule,
    maxFileBytes: Math.min(rule.maxFileBytes, left),
    maxTotalBytes: Math.min(rule.maxTotalBytes, left),
  };
}

async function addDataset(
  app: App,
  userId: string,
  fields: {
    name: string;
    source: 'upload' | 'practice';
    practiceFile?: string;
    file?: StoredFileDto;
    mapping?: unknown;
  },
): Promise<string> {
  const id = newId();
  const now = app.clock.now().toISOString();
  await app.db.transaction().execute(async (trx) => {
    await insertLabDataset(trx, {
      id,
      owner_user_id: userId,
      cohort_id: null,
      group_id: null,
      name: fields.name,
      source: fields.source,
      practice_file: fields.practiceFile ?? null,
      file_id: fields.file?.id ?? null,
      format: null,
      size_bytes: fields.file?.size ?? 0,
      state: 'inspecting',
      error: null,
      row_count: null,
      overview: null,
      mapping: fields.mapping ? JSON.stringify(fields.mapping) : null,
      inspect_job_id: null,
      created_at: now,
      updated_at: now,
    });
    if (fields.file) await keepStoredFiles(trx, [fields.file.id], app.clock.now());
    const jobId = await enqueueJob(app, labInspectJob, { datasetId: id }, { trx, ownerId: userId });
    await updateLabDataset(trx, id, { inspect_job_id: jobId ?? null });
  });
  return id;
}

/**
 * Keeps an uploaded file (accepted by `acceptUpload` under {@link prepareLabUpload}'s rule) as a new dataset and
 * queues its reading. The limits are checked again (two uploads at once).
 */
export async function createUploadedDataset(app: App, actor: Actor, file: StoredFileDto): Promise<string> {
  assertCan(actor, 'lab.use', SITE);
  if (file.ownerId !== actor.userId || file.purpose !== 'lab-dataset') throw new ForbiddenError();
  const usage = await labUsageOfOwner(app.db, actor.userId);
  if (usage.datasets >= LAB_LIMITS.maxDatasets) throw new ConflictError('lab.too_many_datasets');
  if (usage.bytes + file.size > LAB_LIMITS.maxBytes) throw new ConflictError('lab.storage_full');
  return addDataset(app, actor.userId, { name: file.name, source: 'upload', file });
}

/** Adds a practice dataset (synthetic, shipped with the app) with its saved mapping, and queues its reading. */
export async function createPracticeDataset(app: App, actor: Actor, practice: string): Promise<string> {
  assertCan(actor, 'lab.use', SITE);
  const files = await listPracticeFiles(app.config.contentDir);
  if (!files.some((f) => f.file === practice)) throw new NotFoundError('lab.practice_unknown');
  const usage = await labUsageOfOwner(app.db, actor.userId);
  if (usage.datasets >= LAB_LIMITS.maxDatasets) throw new ConflictError('lab.too_many_datasets');
  await assertJobRoom(app, actor.userId);
  const mapping = await practiceMapping(app.config.contentDir, practice);
  return addDataset(app, actor.userId, {
    name: practice,
    source: 'practice',
    practiceFile: practice,
    ...(mapping ? { mapping: readDraft(mapping) } : {}),
  });
}

function columnsOf(overview: string | null): string[] {
  if (!overview) return [];
  return (JSON.parse(overview) as DatasetOverview).variables.map((v) => v.name);
}

/**
 * Saves the mapping of the dataset's page (the wizard's draft: settings, a column per role, the meaning of each
 * code). Columns the dataset lacks are dropped. Returns the required fields still unset.
 * @throws DomainValidationError `lab.mapping_unreadable` when the engine cannot read it as a mapping
 */
export async function saveLabMapping(
  app: App,
  actor: Actor,
  datasetId: string,
  draft: unknown,
): Promise<string[]> {
  const { row } = await loadLabDataset(app.db, actor, datasetId, 'lab.dataset-manage');
  if (row.state !== 'ready') throw new ConflictError('lab.not_ready');
  let next: MappingDraft;
  try {
    next = keepKnownColumns(readDraft(draft), columnsOf(row.overview));
  } catch (e) {
    throw new DomainValidationError({ mapping: (e as Error).message }, 'lab.mapping_unreadable');
  }
  await updateLabDataset(app.db, datasetId, {
    mapping: JSON.stringify(next),
    updated_at: app.clock.now().toISOString(),
  });
  return unsetRequired(next);
}

/**
 * Replaces the mapping with one saved by the wizard (its JSON file, from this dataset or the last wave's).
 * @throws DomainValidationError `lab.mapping_unreadable` with the engine's reason under `mapping`
 */
export async function importLabMapping(
  app: App,
  actor: Actor,
  datasetId: string,
  json: string,
): Promise<string[]> {
  const { row } = await loadLabDataset(app.db, actor, datasetId, 'lab.dataset-manage');
  if (row.state !== 'ready') throw new ConflictError('lab.not_ready');
  let draft;
  try {
    draft = readDraft(JSON.parse(json));
  } catch (e) {
    throw new DomainValidationError({ mapping: (e as Error).message }, 'lab.mapping_unreadable');
  }
  await updateLabDataset(app.db, datasetId, {
    mapping: JSON.stringify(draft),
    updated_at: app.clock.now().toISOString(),
  });
  return unsetRequired(draft);
}

/** Shares a dataset with one of the owner's groups, or makes it private again (`groupId` null). */
export async function shareLabDataset(
  app: App,
  actor: Actor,
  datasetId: string,
  groupId: string | null,
): Promise<void> {
  const { userId } = await loadLabDataset(app.db, actor, datasetId, 'lab.dataset-manage');
  let cohortId: string | null = null;
  if (groupId) {
    const group = (await listGroupsOfPerson(app.db, userId)).find((g) => g.id === groupId);
    if (!group) throw new ForbiddenError('lab.group_not_yours');
    cohortId = group.cohort_id;
  }
  await updateLabDataset(app.db, datasetId, {
    group_id: groupId,
    cohort_id: cohortId,
    updated_at: app.clock.now().toISOString(),
  });
}

/**
 * Deletes a dataset and everything made from it: its jobs are cancelled, its runs and their tables deleted, its
 * uploaded file deleted (record and bytes).
 */
export async function deleteLabDataset(app: App, actor: Actor, datasetId: string): Promise<void> {
  const { row } = await loadLabDataset(app.db, actor, datasetId, 'lab.dataset-manage');
  const runs = await listLabRuns(app.db, datasetId);
  for (const jobId of [row.inspect_job_id, ...runs.map((r) => r.job_id)])
    if (jobId) await cancelJob(app, jobId);
  await deleteDatasetRow(app.db, datasetId);
  await app.storage.deletePrefix(storageKey('lab', 'datasets', datasetId));
  if (row.file_id) await deleteStoredFile(app, row.file_id);
}

/**
 * Starts a run of the ILMS tables and SDG 10.7.1 on a dataset with its saved mapping (copied into the run).
 * @throws DomainValidationError `lab.mapping_incomplete` naming the unset fields (`fields.mapping`, comma-separated)
 * @throws ConflictError `lab.not_ready`, `lab.too_many_jobs`
 */
export async function startLabRun(app: App, actor: Actor, datasetId: string): Promise<string> {
  const { row, userId } = await loadLabDataset(app.db, actor, datasetId, 'lab.dataset-run');
  if (row.state !== 'ready') throw new ConflictError('lab.not_ready');
  const draft = row.mapping ? readDraft(JSON.parse(row.mapping)) : null;
  const unset = unsetRequired(draft);
  if (unset.length > 0)
    throw new DomainValidationError({ mapping: unset.join(', ') }, 'lab.mapping_incomplete');
  await assertJobRoom(app, userId);
  const id = newId();
  await app.db.transaction().execute(async (trx) => {
    const jobId = await enqueueJob(app, labRunJob, { runId: id }, { trx, ownerId: userId });
    await insertLabRun(trx, {
      id,
      dataset_id: datasetId,
      owner_user_id: userId,
      job_id: jobId ?? null,
      state: 'queued',
      error: null,
      mapping: JSON.stringify(draft),
      result_key: null,
      summary: null,
      engine_version: LAB_ENGINE_VERSION,
      created_at: app.clock.now().toISOString(),
      finished_at: null,
    });
  });
  return id;
}

/** Cancels a run that waits or runs. @throws ConflictError `lab.run_not_cancellable` */
export async function cancelLabRun(app: App, actor: Actor, runId: string): Promise<void> {
  const { run } = await loadLabRun(app, actor, runId);
  const state = runDisplayState(run);
  if ((state !== 'queued' && state !== 'running') || !run.job_id)
    throw new ConflictError('lab.run_not_cancellable');
  await cancelJob(app, run.job_id);
}

/**
 * Runs a failed or cancelled run again, with the mapping it was started with (an interrupted run is failed and
 * can be run again). @throws ConflictError `lab.run_not_retryable`, `lab.too_many_jobs`
 */
export async function retryLabRun(app: App, actor: Actor, runId: string): Promise<void> {
  const { run, userId } = await loadLabRun(app, actor, runId);
  const state = runDisplayState(run);
  if ((state !== 'failed' && state !== 'cancelled') || !run.job_id)
    throw new ConflictError('lab.run_not_retryable');
  await assertJobRoom(app, userId);
  await updateLabRun(app.db, runId, { state: 'queued', error: null, finished_at: null });
  if (!(await retryJob(app, run.job_id))) throw new ConflictError('lab.run_not_retryable');
}

/**
 * Reads a dataset again when its reading was interrupted (the server stopped: its job failed, or its lease expired)
 * or the engine failed: a new `lab.inspect` job, the dataset back to `inspecting`. Only its owner may.
 * @throws ConflictError `lab.dataset_not_rereadable` (being read, ready, or a file the reader refused),
 *   `lab.too_many_jobs`
 */
export async function rereadLabDataset(app: App, actor: Actor, datasetId: string): Promise<void> {
  const { row, userId } = await loadLabDataset(app.db, actor, datasetId, 'lab.dataset-manage');
  if (!labDatasetRereadable(await labDatasetDisplay(app, row)))
    throw new ConflictError('lab.dataset_not_rereadable');
  await assertJobRoom(app, userId);
  // a job whose process died (lease expired, not yet released) is cancelled so it can never write over the new one
  const old = row.inspect_job_id ? await findJobById(app.db, row.inspect_job_id) : undefined;
  if (old && (old.state === 'running' || old.state === 'queued')) await cancelJob(app, old.id);
  await app.db.transaction().execute(async (trx) => {
    const jobId = await enqueueJob(app, labInspectJob, { datasetId }, { trx, ownerId: userId });
    await updateLabDataset(trx, datasetId, {
      state: 'inspecting',
      error: null,
      inspect_job_id: jobId ?? null,
      updated_at: app.clock.now().toISOString(),
    });
  });
}
