// The Lab's background jobs: reading a new dataset (overview and suggested mapping) and computing a run's tables.
// Both go through the one job runner and hand their CPU work to the worker-thread pool, so requests never wait.
// One attempt each: a run interrupted by a server restart ends failed (the lease expires) and can be run again.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { findLabDataset, findLabRun, updateLabDataset, updateLabRun } from '@labmig/db';
import type { App } from '../app/app.ts';
import { defineJobType, PermanentJobError } from '../jobs/job-type.ts';
import { storageKey } from '../storage/storage-key.ts';
import { defineCpuTask } from '../workers/cpu-task.ts';
import { readDatasetBytes } from './lab-data.ts';
import { LAB_LIMITS } from './lab-limits.ts';
import type { LabProblem } from './lab-problem.ts';
import type { LabTaskInput, LabTaskOutput } from './lab.task.ts';

/** The Lab's worker-thread task (module `lab.task.ts`, its own entry in core's package.json). */
export const labTask = defineCpuTask<LabTaskInput, LabTaskOutput>('lab.task', '@labmig/core/lab/lab.task');

/** Where a run's tables are stored (under the dataset, so deleting the dataset deletes them). */
export const runTablesKey = (datasetId: string, runId: string): string =>
  storageKey('lab', 'datasets', datasetId, 'runs', runId, 'tables.json');

const json = (x: unknown) => JSON.stringify(x);

/** Reads a new dataset in a thread: its overview and the engine's suggested mapping, or the reader's problem. */
export const labInspectJob = defineJobType({
  type: 'lab.inspect',
  payload: z.object({ datasetId: z.string() }),
  maxAttempts: 1,
  timeoutMs: 30 * 60_000,
  run: async (app: App, { datasetId }, ctx) => {
    const row = await findLabDataset(app.db, datasetId);
    if (!row) return { gone: true };
    const name = row.practice_file ?? row.name;
    let output: LabTaskOutput;
    try {
      const bytes = await readDatasetBytes(app, row);
      output = await app.workers.run(
        labTask,
        { op: 'inspect', name, bytes, previewRows: LAB_LIMITS.previewRows },
        { signal: ctx.signal, onProgress: (f) => ctx.progress(f), transfer: [bytes.buffer as ArrayBuffer] },
      );
    } catch (e) {
      if (ctx.signal.aborted) throw e;
      output = { ok: false, problem: { code: 'engine.failed', message: (e as Error).message } };
    }
    const now = app.clock.now().toISOString();
    if (!output.ok) {
      await updateLabDataset(app.db, datasetId, {
        state: 'failed',
        error: json(output.problem),
        updated_at: now,
      });
      throw new PermanentJobError(output.problem.message);
    }
    const i = output.inspection!;
    await updateLabDataset(app.db, datasetId, {
      state: 'ready',
      error: null,
      format: i.format,
      row_count: i.rows,
      overview: json(i.overview),
      // a mapping saved already (a practice dataset's, or one chosen meanwhile) is kept
      ...(row.mapping === null ? { mapping: json(i.mapping) } : {}),
      updated_at: now,
    });
    return { rows: i.rows };
  },
});

/** Computes a run's ILMS tables and SDG 10.7.1 in a thread and stores them; a failure is recorded on the run. */
export const labRunJob = defineJobType({
  type: 'lab.run',
  payload: z.object({ runId: z.string() }),
  maxAttempts: 1,
  timeoutMs: 60 * 60_000,
  run: async (app: App, { runId }, ctx) => {
    const run = await findLabRun(app.db, runId);
    if (!run || run.state !== 'queued') return { skipped: true };
    const dataset = await findLabDataset(app.db, run.dataset_id);
    if (!dataset) return { gone: true };
    const fail = async (problem: LabProblem, report?: unknown) => {
      await updateLabRun(app.db, runId, {
        state: 'failed',
        error: json({ ...problem, ...(report ? { report } : {}) }),
        finished_at: app.clock.now().toISOString(),
      });
      throw new PermanentJobError(problem.message);
    };
    let output: LabTaskOutput;
    try {
      const bytes = await readDatasetBytes(app, dataset);
      output = await app.workers.run(
        labTask,
        {
          op: 'tables',
          name: dataset.practice_file ?? dataset.name,
          bytes,
          mapping: JSON.parse(run.mapping),
        },
        { signal: ctx.signal, onProgress: (f) => ctx.progress(f), transfer: [bytes.buffer as ArrayBuffer] },
      );
    } catch (e) {
      if (ctx.signal.aborted) throw e;
      return fail({ code: 'engine.failed', message: (e as Error).message });
    }
    if (!output.ok) return fail(output.problem, output.report);
    const t = output.tables!;
    const key = runTablesKey(dataset.id, runId);
    await app.storage.put(key, Readable.from([Buffer.from(t.tidyJson)]), { maxBytes: 512 * 1024 ** 2 });
    await updateLabRun(app.db, runId, {
      state: 'done',
      result_key: key,
      summary: json({ tables: t.tables, persons: t.persons, sdgSkipped: t.sdgSkipped }),
      finished_at: app.clock.now().toISOString(),
    });
    return { tables: t.tables };
  },
});
