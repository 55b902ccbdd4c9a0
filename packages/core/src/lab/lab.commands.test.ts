import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { findLabDataset, findStoredFileById, type Database, type Kysely } from '@labmig/db';
import { forEachDialect } from '@labmig/db/testing';
import { findRepoRoot } from '../config/config.ts';
import { ConflictError, DomainValidationError, NotFoundError } from '../errors/domain-errors.ts';
import { acceptUpload } from '../files/upload.commands.ts';
import { claimJobs } from '@labmig/db';
import { createJobRunner } from '../jobs/job-runner.ts';
import { setUpForumWorld, type ForumWorld } from '../forums/testing/forum-world.ts';
import type { UserActor } from '../access/actor.ts';
import {
  createPracticeDataset,
  createUploadedDataset,
  deleteLabDataset,
  importLabMapping,
  prepareLabUpload,
  rereadLabDataset,
  retryLabRun,
  saveLabMapping,
  shareLabDataset,
  startLabRun,
} from './lab.commands.ts';
import { labInspectJob, labRunJob } from './lab.jobs.ts';
import { LAB_LIMITS } from './lab-limits.ts';
import {
  getLabDatasetPage,
  getLabHome,
  getLabRunDownload,
  getLabRunStatus,
  getLabRunTables,
} from './lab.queries.ts';
import { toTidyJson } from '@labmig/stats';

const ROOT = findRepoRoot();
const LAB = join(ROOT, 'content', 'data', 'lab');
const catalogue = { types: [labInspectJob, labRunJob], schedules: [] };

/** The first `n` persons of the practice CSV (whole strata, so the design still has two PSUs per stratum). */
function smallCsv(n = 2000): string {
  return (
    readFileSync(join(LAB, 'lfs_small.csv'), 'utf8')
      .split('\n')
      .slice(0, n + 1)
      .join('\n') + '\n'
  );
}

async function world(ctx: Parameters<typeof setUpForumWorld>[0]): Promise<ForumWorld> {
  const w = await setUpForumWorld(ctx);
  (w.app.config as { contentDir: string }).contentDir = join(ROOT, 'content');
  return w;
}

async function upload(w: ForumWorld, actor: UserActor, name: string, body: string | Uint8Array) {
  const rule = await prepareLabUpload(w.app, actor);
  const { file } = await acceptUpload(w.app, {
    purpose: 'lab-dataset',
    filename: name,
    source: Readable.from([Buffer.from(body)]),
    ownerId: actor.userId,
    rule,
  });
  return createUploadedDataset(w.app, actor, file);
}

const drain = (w: ForumWorld) => createJobRunner(w.app, catalogue).runDue();

async function mappingOfPractice(): Promise<string> {
  return readFileSync(join(LAB, 'lfs_small.mapping.json'), 'utf8');
}

const countRows = async (db: Kysely<Database>, table: 'lab_runs' | 'lab_datasets') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );

forEachDialect((ctx) => {
  describe('the Lab on the server', () => {
    it('reads a practice dataset, runs it in the worker pool and gives the tables of `labmig stats tables`', async () => {
      const w = await world(ctx);
      const me = w.actors.a1;
      const id = await createPracticeDataset(w.app, me, 'lfs_small.sav');
      expect((await getLabDatasetPage(w.app, me, id)).dataset.state).toBe('inspecting');
      await drain(w);
      const page = await getLabDatasetPage(w.app, me, id);
      expect(page.dataset).toMatchObject({ state: 'ready', rows: 21473, format: 'sav' });
      const sex = page.overview!.variables.find((v) => v.name === 'sex')!;
      expect(sex.label).toBe('Sex');
      expect(sex.valueLabels).toEqual([
        { code: '1', label: 'male' },
        { code: '2', label: 'female' },
      ]);
      expect(
        page.overview!.variables.find((v) => v.name === 'year_of_arrival')!.missingCount,
      ).toBeGreaterThan(0);
      expect(page.overview!.preview).toHaveLength(LAB_LIMITS.previewRows);
      expect(page.mapping!.unset).toEqual([]);

      const runId = await startLabRun(w.app, me, id);
      expect((await getLabRunStatus(w.app, me, runId)).state).toBe('queued');
      await drain(w);
      expect(await getLabRunStatus(w.app, me, runId)).toMatchObject({ state: 'done', problem: null });
      // The command line's tables (content/data/lab/lfs_small.tables.json, made by `labmig stats tables`).
      const cli = JSON.parse(readFileSync(join(LAB, 'lfs_small.tables.json'), 'utf8')) as { tables: unknown };
      const tables = await getLabRunTables(w.app, me, runId);
      expect(JSON.parse(toTidyJson(tables)).tables).toEqual(cli.tables);
      // downloads: CSV of one table, the spec the command line reruns
      const csv = await getLabRunDownload(w.app, me, runId, 'csv', 'sdg1071_all');
      expect(String(csv.body).split('\n')[0]).toContain('estimate');
      const spec = JSON.parse(String((await getLabRunDownload(w.app, me, runId, 'spec')).body));
      expect(spec).toMatchObject({
        format: 'labmig-mapping',
        homeCountry: 'MYS',
        dataset: { file: 'lfs_small.sav' },
      });
      await w.app.close();
    });

    it('keeps datasets to their owner and the group they are shared with; others are told they do not exist', async () => {
      const w = await world(ctx);
      const { a1, a2, b1, tutorA, tutorB, admin, outsider } = w.actors;
      const id = await upload(w, a1, 'wave1.csv', smallCsv(400));
      await drain(w);
      const runId = await importLabMapping(w.app, a1, id, await mappingOfPractice()).then(() =>
        startLabRun(w.app, a1, id),
      );
      await drain(w);
      for (const other of [a2, b1, tutorA, admin, outsider]) {
        await expect(getLabDatasetPage(w.app, other, id)).rejects.toMatchObject({
          code: 'lab.dataset_not_found',
        });
        await expect(getLabRunTables(w.app, other, runId)).rejects.toMatchObject({
          code: 'lab.run_not_found',
        });
        expect((await getLabHome(w.app, other)).datasets).toEqual([]);
      }
      await shareLabDataset(w.app, a1, id, w.groupA);
      for (const member of [a2, tutorA]) {
        const page = await getLabDatasetPage(w.app, member, id);
        expect(page).toMatchObject({ canRun: true, canManage: false });
        expect((await getLabRunTables(w.app, member, runId)).length).toBeGreaterThan(10);
        await expect(deleteLabDataset(w.app, member, id)).rejects.toBeInstanceOf(NotFoundError);
      }
      for (const other of [b1, tutorB, admin, outsider])
        await expect(getLabDatasetPage(w.app, other, id)).rejects.toBeInstanceOf(NotFoundError);
      // one cannot share with a group one is not in
      await expect(shareLabDataset(w.app, a1, id, w.groupB)).rejects.toMatchObject({
        code: 'lab.group_not_yours',
      });
      await w.app.close();
    });

    it('names the problem and the row of a broken file', async () => {
      const w = await world(ctx);
      const lines = smallCsv(50).split('\n');
      lines[30] = lines[30].split(',').slice(0, 5).join(','); // row 30 of the data, line 31 of the file
      const id = await upload(w, w.actors.a1, 'broken.csv', lines.join('\n'));
      await drain(w);
      const page = await getLabDatasetPage(w.app, w.actors.a1, id);
      expect(page.dataset.state).toBe('failed');
      expect(page.dataset.problem).toMatchObject({ code: 'csv.ragged_row', line: 31 });
      await expect(startLabRun(w.app, w.actors.a1, id)).rejects.toMatchObject({ code: 'lab.not_ready' });
      await w.app.close();
    });

    it('will not run a mapping that leaves required variables unset, and says which', async () => {
      const w = await world(ctx);
      const me = w.actors.a1;
      const id = await upload(w, me, 'wave.csv', smallCsv(400));
      await drain(w);
      await importLabMapping(w.app, me, id, await mappingOfPractice());
      const draft = (await getLabDatasetPage(w.app, me, id)).mapping!.draft;
      delete draft.design!.weight;
      delete draft.columns!.age;
      const unset = await saveLabMapping(w.app, me, id, draft);
      expect(unset).toEqual(['design.weight', 'columns.age']);
      const refused = await startLabRun(w.app, me, id).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DomainValidationError);
      expect(refused).toMatchObject({
        code: 'lab.mapping_incomplete',
        fields: { mapping: 'design.weight, columns.age' },
      });
      expect(await countRows(w.app.db, 'lab_runs')).toBe(0);
      await expect(importLabMapping(w.app, me, id, '{"format":"other"}')).rejects.toMatchObject({
        code: 'lab.mapping_unreadable',
      });
      await w.app.close();
    });

    it('reports why a run failed and keeps the earlier results', async () => {
      const w = await world(ctx);
      const me = w.actors.a1;
      const id = await upload(w, me, 'wave.csv', smallCsv(400));
      await drain(w);
      await importLabMapping(w.app, me, id, await mappingOfPractice());
      const good = await startLabRun(w.app, me, id);
      await drain(w);
      const before = await getLabRunTables(w.app, me, good);
      // age mapped to a text column: the engine's check refuses the run
      const draft = (await getLabDatasetPage(w.app, me, id)).mapping!.draft;
      await saveLabMapping(w.app, me, id, { ...draft, columns: { ...draft.columns, age: 'urban' } });
      const bad = await startLabRun(w.app, me, id);
      await drain(w);
      const status = await getLabRunStatus(w.app, me, bad);
      expect(status.state).toBe('failed');
      expect(status.problem).toMatchObject({ code: 'lab.mapping_refused' });
      expect(status.problem!.fields).toContain('columns.age');
      expect(status.problem!.report!.issues).toContainEqual(
        expect.objectContaining({ code: 'not_numeric', field: 'columns.age', severity: 'error' }),
      );
      expect(await getLabRunTables(w.app, me, good)).toEqual(before);
      await w.app.close();
    });

    it('marks a run failed-and-retryable when the server stopped during it, and runs it again', async () => {
      const w = await world(ctx);
      const me = w.actors.a1;
      const id = await upload(w, me, 'wave.csv', smallCsv(400));
      await drain(w);
      await importLabMapping(w.app, me, id, await mappingOfPractice());
      const runId = await startLabRun(w.app, me, id);
      // A process claimed the run's job, then died (no result, no word).
      await claimJobs(w.app.db, {
        workerId: 'dead-host:1:x',
        now: w.app.clock.now().toISOString(),
        lockedUntil: new Date(w.app.clock.now().getTime() + 60_000).toISOString(),
        types: ['lab.run'],
        limit: 5,
      });
      expect((await getLabRunStatus(w.app, me, runId)).state).toBe('running');
      w.app.clock.advance(61_000);
      await drain(w); // the surviving process releases the expired lease
      const status = await getLabRunStatus(w.app, me, runId);
      expect(status).toMatchObject({ state: 'failed', problem: { code: 'lab.interrupted' } });
      await retryLabRun(w.app, me, runId);
      await drain(w);
      expect((await getLabRunStatus(w.app, me, runId)).state).toBe('done');
      await w.app.close();
    });

    it('marks a reading failed-and-retryable when the server stopped during it, and reads it again', async () => {
      const w = await world(ctx);
      const { a1: me, a2, tutorA, b1, admin } = w.actors;
      const id = await upload(w, me, 'wave.csv', smallCsv(400));
      await shareLabDataset(w.app, me, id, w.groupA);
      // A process claimed the reading's job, then died (no result, no word).
      const claimed = await claimJobs(w.app.db, {
        workerId: 'dead-host:1:x',
        now: w.app.clock.now().toISOString(),
        lockedUntil: new Date(w.app.clock.now().getTime() + 60_000).toISOString(),
        types: ['lab.inspect'],
        limit: 5,
      });
      expect(claimed).toHaveLength(1);
      expect((await getLabDatasetPage(w.app, me, id)).dataset.state).toBe('inspecting');
      await expect(rereadLabDataset(w.app, me, id)).rejects.toMatchObject({
        code: 'lab.dataset_not_rereadable',
      });
      w.app.clock.advance(61_000);
      // the lease has expired: failed at once, before any process releases it
      const expired = await getLabDatasetPage(w.app, me, id);
      expect(expired.dataset).toMatchObject({ state: 'failed', problem: { code: 'lab.interrupted' } });
      expect(expired).toMatchObject({ canReread: true, inspectJobId: null });
      await drain(w); // the surviving process releases the expired lease: the job is failed
      const page = await getLabDatasetPage(w.app, me, id);
      expect(page.dataset).toMatchObject({
        state: 'failed',
        interrupted: true,
        problem: { code: 'lab.interrupted' },
      });
      expect((await getLabHome(w.app, me)).datasets).toContainEqual(
        expect.objectContaining({ id, state: 'failed', interrupted: true }),
      );
      // only the owner reads it again: the group sees it, but may not; others are told it does not exist
      for (const member of [a2, tutorA]) {
        expect(await getLabDatasetPage(w.app, member, id)).toMatchObject({ canReread: false });
        await expect(rereadLabDataset(w.app, member, id)).rejects.toBeInstanceOf(NotFoundError);
      }
      for (const other of [b1, admin])
        await expect(rereadLabDataset(w.app, other, id)).rejects.toBeInstanceOf(NotFoundError);
      await rereadLabDataset(w.app, me, id);
      expect((await getLabDatasetPage(w.app, me, id)).dataset.state).toBe('inspecting');
      await drain(w);
      const done = await getLabDatasetPage(w.app, me, id);
      expect(done.dataset).toMatchObject({ state: 'ready', rows: 400, problem: null, interrupted: false });
      expect(done.canReread).toBe(false);
      await expect(rereadLabDataset(w.app, me, id)).rejects.toMatchObject({
        code: 'lab.dataset_not_rereadable',
      });
      await w.app.close();
    });

    it('does not read again a file the reader refused', async () => {
      const w = await world(ctx);
      const lines = smallCsv(50).split('\n');
      lines[30] = lines[30].split(',').slice(0, 5).join(',');
      const id = await upload(w, w.actors.a1, 'broken.csv', lines.join('\n'));
      await drain(w);
      expect(await getLabDatasetPage(w.app, w.actors.a1, id)).toMatchObject({
        dataset: { state: 'failed', interrupted: false },
        canReread: false,
      });
      await expect(rereadLabDataset(w.app, w.actors.a1, id)).rejects.toBeInstanceOf(ConflictError);
      await w.app.close();
    });

    it('deletes a dataset with its file, its runs and their tables', async () => {
      const w = await world(ctx);
      const me = w.actors.a1;
      const id = await upload(w, me, 'wave.csv', smallCsv(400));
      await drain(w);
      await importLabMapping(w.app, me, id, await mappingOfPractice());
      await startLabRun(w.app, me, id);
      await drain(w);
      const row = (await findLabDataset(w.app.db, id))!;
      const stored = (await findStoredFileById(w.app.db, row.file_id!))!;
      expect(await w.app.storage.stat(stored.storage_key)).toBeDefined();
      await deleteLabDataset(w.app, me, id);
      expect(await findLabDataset(w.app.db, id)).toBeUndefined();
      expect(await countRows(w.app.db, 'lab_runs')).toBe(0);
      expect(await findStoredFileById(w.app.db, row.file_id!)).toBeUndefined();
      expect(await w.app.storage.stat(stored.storage_key)).toBeUndefined();
      expect(await w.app.storage.deletePrefix(`lab/datasets/${id}`)).toBe(0);
      await w.app.close();
    });

    it('holds each person to the Lab’s limits, and says which', async () => {
      const w = await world(ctx);
      const me = w.actors.a2;
      for (let i = 0; i < LAB_LIMITS.maxActiveJobs; i++)
        await createPracticeDataset(w.app, me, 'lfs_small.csv');
      await expect(createPracticeDataset(w.app, me, 'lfs_small.csv')).rejects.toMatchObject({
        code: 'lab.too_many_jobs',
      });
      await expect(prepareLabUpload(w.app, me)).rejects.toBeInstanceOf(ConflictError);
      await expect(createPracticeDataset(w.app, me, '../../etc/passwd')).rejects.toMatchObject({
        code: 'lab.practice_unknown',
      });
      const now = w.app.clock.now().toISOString();
      // a person with their datasets' space used up
      await w.app.db
        .updateTable('jobs')
        .set({ state: 'done', updated_at: now })
        .where('owner_id', '=', me.userId)
        .execute();
      await w.app.db
        .updateTable('lab_datasets')
        .set({ size_bytes: LAB_LIMITS.maxBytes })
        .where('owner_user_id', '=', me.userId)
        .execute();
      await expect(prepareLabUpload(w.app, me)).rejects.toMatchObject({ code: 'lab.storage_full' });
      await w.app.db
        .updateTable('lab_datasets')
        .set({ size_bytes: 0 })
        .where('owner_user_id', '=', me.userId)
        .execute();
      // the space left narrows the largest file
      const rule = await prepareLabUpload(w.app, me);
      expect(rule.maxFileBytes).toBe(LAB_LIMITS.maxFileBytes);
      for (let i = 2; i < LAB_LIMITS.maxDatasets; i++) {
        await createPracticeDataset(w.app, me, 'lfs_small.csv');
        await w.app.db.updateTable('jobs').set({ state: 'done' }).where('owner_id', '=', me.userId).execute();
      }
      await expect(prepareLabUpload(w.app, me)).rejects.toMatchObject({ code: 'lab.too_many_datasets' });
      await w.app.close();
    });
  });
});
