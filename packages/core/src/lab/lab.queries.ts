// The Lab's reads: the list of datasets, a dataset's page, a run's page and status, its tables, its downloads.
import { text } from 'node:stream/consumers';
import {
  findJobById,
  findLabDataset,
  findLabRun,
  labUsageOfOwner,
  listGroupsOfPerson,
  listLabDatasetsFor,
  listLabRuns,
  type LabDatasetRow,
  type LabRunWithJobRow,
} from '@labmig/db';
import {
  MAPPING_ROLES,
  criterionCode,
  parseMapping,
  readTidyJson,
  toCsv,
  toIlostatCsv,
  toMappingFile,
  toXlsx,
  type MappingDraft,
  type MappingReport,
  type StatTable,
  type TidyTablesMeta,
} from '@labmig/stats';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import { SITE } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { labDatasetAccess, loadLabDataset } from './lab-access.ts';
import { listPracticeFiles } from './lab-data.ts';
import { LAB_LIMITS } from './lab-limits.ts';
import { unsetRequired } from './lab-mapping.rules.ts';
import type { LabProblem } from './lab-problem.ts';
import type { LabExportFormat } from './lab.schema.ts';
import type { LabOverview } from './lab.task.ts';

/** How a run looks to people: waiting, running, done, failed (with why) or cancelled. */
export type LabRunDisplayState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * A run's state from its own row and its job's: `done`/`failed` once the run says so; otherwise its job's (a job
 * whose process died ends failed — failed-and-retryable; a job no longer kept counts as failed).
 */
export function runDisplayState(run: Pick<LabRunWithJobRow, 'state' | 'job_state'>): LabRunDisplayState {
  if (run.state === 'done' || run.state === 'failed') return run.state;
  switch (run.job_state) {
    case 'queued':
    case 'running':
    case 'cancelled':
    case 'failed':
      return run.job_state;
    case 'done':
      return 'failed'; // the job ended without recording its result (a bug): say so rather than wait forever
    default:
      return 'failed';
  }
}

/** A run as pages show it. */
export interface LabRunDto {
  readonly id: string;
  readonly datasetId: string;
  readonly state: LabRunDisplayState;
  /** 0–1 while it runs. */
  readonly progress: number | null;
  /** Why it failed: the engine's problem, or the job's error (an interrupted run: `lab.interrupted`). */
  readonly problem: (LabProblem & { report?: MappingReport }) | null;
  readonly summary: { tables: number; persons: number; sdgSkipped: string | null } | null;
  readonly engineVersion: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** The job whose progress the page follows (`job:<id>` events). */
  readonly jobId: string | null;
  readonly mine: boolean;
}

function presentRun(run: LabRunWithJobRow, userId: string): LabRunDto {
  const state = runDisplayState(run);
  let problem: LabRunDto['problem'] = run.error ? (JSON.parse(run.error) as LabRunDto['problem']) : null;
  if (!problem && state === 'failed')
    problem = /interrupted/i.test(run.job_error ?? '')
      ? { code: 'lab.interrupted', message: run.job_error ?? '' }
      : { code: 'engine.failed', message: run.job_error ?? 'the job ended without a result' };
  return {
    id: run.id,
    datasetId: run.dataset_id,
    state,
    progress: state === 'running' || state === 'queued' ? (run.job_progress ?? 0) : null,
    problem,
    summary: run.summary ? (JSON.parse(run.summary) as LabRunDto['summary']) : null,
    engineVersion: run.engine_version,
    createdAt: run.created_at,
    finishedAt: run.finished_at,
    jobId: run.job_id,
    mine: run.owner_user_id === userId,
  };
}

/**
 * A dataset as people see it: its row, except that a reading which can no longer end (its job failed, was cancelled
 * or is gone, or the process running it died and its lease expired — one attempt only) is `failed` with
 * `lab.interrupted`, so the page offers to read it again rather than wait forever.
 */
export async function labDatasetDisplay(
  app: Pick<App, 'db' | 'clock'>,
  row: LabDatasetRow,
): Promise<LabDatasetRow> {
  if (row.state !== 'inspecting') return row;
  const job = row.inspect_job_id ? await findJobById(app.db, row.inspect_job_id) : undefined;
  const now = app.clock.now().toISOString();
  const alive =
    job &&
    (job.state === 'queued' ||
      (job.state === 'running' && job.locked_until !== null && job.locked_until > now));
  if (alive) return row;
  const problem: LabProblem = {
    code: 'lab.interrupted',
    message: job?.last_error ?? 'interrupted: the reading ended without a result',
  };
  return { ...row, state: 'failed', error: JSON.stringify(problem) };
}

/** A dataset in a list. */
export interface LabDatasetSummary {
  readonly id: string;
  readonly name: string;
  readonly source: 'upload' | 'practice';
  readonly state: 'inspecting' | 'ready' | 'failed';
  /** Failed because the server stopped while reading it (`lab.interrupted`): it can be read again. */
  readonly interrupted: boolean;
  readonly sizeBytes: number;
  readonly rows: number | null;
  readonly mine: boolean;
  readonly sharedWith: string | null;
  readonly createdAt: string;
}

const problemOf = (row: LabDatasetRow): LabProblem | null =>
  row.error ? (JSON.parse(row.error) as LabProblem) : null;
const isInterrupted = (row: LabDatasetRow) => problemOf(row)?.code === 'lab.interrupted';

/**
 * Whether a dataset (as {@link labDatasetDisplay} shows it) may be read again: its reading was interrupted, or the
 * engine itself failed (not a file the reader refused — reading it again would say the same).
 */
export const labDatasetRereadable = (shown: LabDatasetRow): boolean =>
  shown.state === 'failed' && ['lab.interrupted', 'engine.failed'].includes(problemOf(shown)?.code ?? '');

function summarise(
  row: LabDatasetRow,
  userId: string,
  groupName: (id: string) => string | null,
): LabDatasetSummary {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    state: row.state,
    interrupted: row.state === 'failed' && isInterrupted(row),
    sizeBytes: Number(row.size_bytes),
    rows: row.row_count,
    mine: row.owner_user_id === userId,
    sharedWith: row.group_id ? groupName(row.group_id) : null,
    createdAt: row.created_at,
  };
}

/** The Lab's server home: the actor's datasets and those shared with their groups, their usage and limits. */
export async function getLabHome(app: App, actor: Actor) {
  if (actor.kind !== 'user' || !can(actor, 'lab.use', SITE)) throw new UnauthenticatedError();
  const groups = await listGroupsOfPerson(app.db, actor.userId);
  const rows = await listLabDatasetsFor(
    app.db,
    actor.userId,
    groups.map((g) => g.id),
  );
  const visible: LabDatasetRow[] = [];
  for (const row of rows)
    if (can(actor, 'lab.dataset-view', await labDatasetAccess(app.db, actor, row)))
      visible.push(await labDatasetDisplay(app, row));
  const usage = await labUsageOfOwner(app.db, actor.userId);
  const name = (id: string) => groups.find((g) => g.id === id)?.name ?? null;
  return {
    datasets: visible.map((r) => summarise(r, actor.userId, name)),
    usage,
    limits: {
      maxDatasets: LAB_LIMITS.maxDatasets,
      maxBytes: LAB_LIMITS.maxBytes,
      maxFileBytes: LAB_LIMITS.maxFileBytes,
    },
    practice: await listPracticeFiles(app.config.contentDir),
  };
}

/** One role of the mapping form: its field, the column chosen, whether a run needs it. */
export interface LabMappingRole {
  readonly field: string;
  readonly role: string;
  readonly group: string;
  readonly column: string | null;
  readonly required: boolean;
}

/** A dataset's page: what it holds (variables, labels, types, missing counts, preview), its mapping, its runs. */
export async function getLabDatasetPage(app: App, actor: Actor, datasetId: string) {
  const loaded = await loadLabDataset(app.db, actor, datasetId, 'lab.dataset-view');
  const { access, userId } = loaded;
  const row = await labDatasetDisplay(app, loaded.row);
  const overview = row.overview ? (JSON.parse(row.overview) as LabOverview) : null;
  const mapping = row.mapping ? (JSON.parse(row.mapping) as MappingDraft) : null;
  const unset = unsetRequired(mapping);
  const required = new Set([
    ...unset,
    ...unsetRequired({ migrantCriterion: mapping?.migrantCriterion ?? 'birth' }),
  ]);
  const valueAt = (path: string) =>
    path
      .split('.')
      .reduce<unknown>(
        (x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined),
        mapping,
      );
  const roles: LabMappingRole[] = MAPPING_ROLES.map((r) => ({
    field: r.field,
    role: r.role,
    group: r.group,
    column: (valueAt(r.field) as string | undefined) ?? null,
    required: required.has(r.field),
  }));
  const groups = can(actor, 'lab.dataset-manage', access) ? await listGroupsOfPerson(app.db, userId) : [];
  const runs = (await listLabRuns(app.db, datasetId)).map((r) => presentRun(r, userId));
  return {
    dataset: {
      ...summarise(row, userId, (id) => groups.find((g) => g.id === id)?.name ?? null),
      format: row.format,
      problem: problemOf(row),
      groupId: row.group_id,
    },
    overview,
    mapping: mapping
      ? {
          homeCountry: mapping.homeCountry ?? '',
          surveyYear: mapping.surveyYear ?? null,
          migrantCriterion: mapping.migrantCriterion ?? 'birth',
          roles,
          unset,
          draft: mapping,
        }
      : null,
    canManage: can(actor, 'lab.dataset-manage', access),
    canRun: can(actor, 'lab.dataset-run', access),
    /** The owner may have it read again (an interrupted reading, or the engine's own failure). */
    canReread: labDatasetRereadable(row) && can(actor, 'lab.dataset-manage', access),
    groups: groups.map((g) => ({ id: g.id, name: g.name, cohort: g.cohort_title })),
    runs,
    inspectJobId: row.state === 'inspecting' ? row.inspect_job_id : null,
  };
}

/**
 * Loads a run and checks the actor may see it (its dataset's `lab.dataset-view`); anyone else is told it does not
 * exist.
 */
export async function loadLabRun(app: Pick<App, 'db'>, actor: Actor, runId: string) {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const run = await findLabRun(app.db, runId);
  if (!run) throw new NotFoundError('lab.run_not_found');
  const dataset = await findLabDataset(app.db, run.dataset_id);
  if (!dataset || !can(actor, 'lab.dataset-view', await labDatasetAccess(app.db, actor, dataset)))
    throw new NotFoundError('lab.run_not_found');
  return { run, dataset, userId: actor.userId };
}

/** A run's status (what the progress bar and the reload without JavaScript show). */
export async function getLabRunStatus(app: App, actor: Actor, runId: string): Promise<LabRunDto> {
  const { run, userId } = await loadLabRun(app, actor, runId);
  return presentRun(run, userId);
}

async function readTables(app: Pick<App, 'storage'>, run: LabRunWithJobRow) {
  if (run.state !== 'done' || !run.result_key) throw new ConflictError('lab.run_not_finished');
  return readTidyJson(await text(await app.storage.get(run.result_key)));
}

/** A run's page: its status, and when done its tables (the engine's tables) and their meta. */
export async function getLabRunPage(app: App, actor: Actor, runId: string) {
  const { run, dataset, userId } = await loadLabRun(app, actor, runId);
  const dto = presentRun(run, userId);
  const result = dto.state === 'done' ? await readTables(app, run) : null;
  return {
    run: dto,
    dataset: { id: dataset.id, name: dataset.name, source: dataset.source },
    meta: result?.meta ?? null,
    tables: result?.tables ?? null,
  };
}

/**
 * A finished run's tables, in the engine's table format (`StatTable`: estimate, SE, CV, CI, n, flags per cell), for
 * whoever may see the run (the Observatory publishes from it).
 * @throws NotFoundError `lab.run_not_found`; ConflictError `lab.run_not_finished`
 */
export async function getLabRunTables(app: App, actor: Actor, runId: string): Promise<readonly StatTable[]> {
  const { run } = await loadLabRun(app, actor, runId);
  return (await readTables(app, run)).tables;
}

/** A download of a run: tidy JSON, one table as CSV, all tables as XLSX, the ILOSTAT bulk CSV, or the spec. */
export interface LabDownload {
  readonly filename: string;
  readonly type: string;
  readonly body: string | Uint8Array;
}

/**
 * A finished run as a file. `spec` is the run's mapping as a `labmig stats tables` mapping file: with the data file,
 * `labmig stats tables --data FILE --mapping SPEC --out DIR` rebuilds the same tables from the command line.
 */
export async function getLabRunDownload(
  app: App,
  actor: Actor,
  runId: string,
  format: LabExportFormat,
  tableId?: string,
): Promise<LabDownload> {
  const { run, dataset } = await loadLabRun(app, actor, runId);
  const base =
    (dataset.practice_file ?? dataset.name).replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_') || 'data';
  if (format === 'spec') {
    const file = toMappingFile(JSON.parse(run.mapping) as MappingDraft);
    const spec = {
      ...file,
      dataset: {
        file: dataset.practice_file ?? dataset.name,
        ...(dataset.row_count ? { rows: dataset.row_count } : {}),
      },
    };
    return {
      filename: `${base}.mapping.json`,
      type: 'application/json',
      body: JSON.stringify(spec, null, 2) + '\n',
    };
  }
  if (run.state !== 'done' || !run.result_key) throw new ConflictError('lab.run_not_finished');
  if (format === 'json')
    return {
      filename: `${base}-tables.json`,
      type: 'application/json',
      body: await text(await app.storage.get(run.result_key)),
    };
  const { tables } = await readTables(app, run);
  if (format === 'csv') {
    const table = tables.find((t) => t.id === tableId);
    if (!table) throw new NotFoundError('lab.table_not_found');
    return { filename: `${base}-${table.id}.csv`, type: 'text/csv', body: toCsv(table) };
  }
  if (format === 'xlsx')
    return {
      filename: `${base}-tables.xlsx`,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: toXlsx(tables),
    };
  const m = parseMapping(JSON.parse(run.mapping));
  const ctx = {
    refArea: m.homeCountry,
    source: m.source,
    time: m.surveyYear,
    criterion: criterionCode(m),
    minWorkingAge: m.minWorkingAge,
  };
  return { filename: `${base}-ilostat.csv`, type: 'text/csv', body: toIlostatCsv(tables, ctx) };
}

export type { TidyTablesMeta };
