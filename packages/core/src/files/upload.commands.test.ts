import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { createLocalFileStorage } from '../storage/local-file-storage.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { enqueueJob } from '../jobs/job-queue.ts';
import { sweepPendingFilesJob } from './files-sweep.job.ts';
import { FileRejectedError } from './file-rejected-error.ts';
import {
  acceptUpload,
  createUploadBatch,
  deleteStoredFile,
  keepStoredFiles,
  openStoredFile,
} from './upload.commands.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const MiB = 1024 ** 2;

/** A CSV of about `bytes` bytes, streamed in 64 KB chunks. */
function csvStream(bytes: number): Readable {
  const line = Buffer.from('Senegal,F,34,1.25\n');
  return Readable.from(
    (function* () {
      yield Buffer.from('country,sex,age,weight\n');
      const chunk = Buffer.concat(Array.from({ length: Math.floor(65_536 / line.length) }, () => line));
      for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
    })(),
  );
}

async function rejection(promise: Promise<unknown>): Promise<FileRejectedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileRejectedError);
  return error as FileRejectedError;
}

forEachDialect((ctx) => {
  let app: TestApp;
  let root: string;
  /** The app with a storage folder of its own, so a test can see every file left in it. */
  const open = async () => {
    app = await createTestApp(ctx);
    root = mkdtempSync(path.join(tmpdir(), 'labmig-uploads-'));
    return { ...app, storage: await createLocalFileStorage(root) };
  };
  const filesLeft = () =>
    readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  const close = async () => {
    await app.close();
    rmSync(root, { recursive: true });
  };

  describe('acceptUpload', () => {
    it('streams a genuine PDF into storage and records it as pending, with its checked type and sha256', async () => {
      const a = await open();
      const bytes = fixture('sample.pdf');
      const { file, batch } = await acceptUpload(a, {
        purpose: 'assignment-submission',
        filename: 'C:\\Users\\awa\\Note pays.PDF',
        source: Readable.from([bytes]),
        ownerId: null,
      });
      expect(file).toMatchObject({
        name: 'Note pays.pdf',
        type: 'pdf',
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      expect(batch).toMatchObject({ bytes: bytes.length, files: [file] });
      const row = await ctx.db.selectFrom('stored_files').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: 'pending', purpose: 'assignment-submission' });
      const opened = await openStoredFile(a, file.id);
      expect((await buffer(await opened!.read())).equals(bytes)).toBe(true);
      await close();
    });

    it('names a file after its real type: a PNG sent as report.pdf is kept as report.png', async () => {
      const a = await open();
      const { file } = await acceptUpload(a, {
        purpose: 'forum-attachment',
        filename: 'report.pdf',
        source: Readable.from([fixture('sample.png')]),
        ownerId: null,
      });
      expect(file).toMatchObject({ name: 'report.png', type: 'png', mediaType: 'image/png' });
      await close();
    });

    it.each([
      ['elf-program.pdf', 'file.executable'],
      ['page.png', 'file.markup'],
      ['plain-archive.docx', 'file.archive'],
      ['bomb.xlsx', 'file.zip_bomb'],
      ['empty.pdf', 'file.empty'],
    ])('refuses %s (%s) and leaves nothing behind', async (name, code) => {
      const a = await open();
      const error = await rejection(
        acceptUpload(a, {
          purpose: 'assignment-submission',
          filename: name,
          source: Readable.from([fixture(name)]),
          ownerId: null,
        }),
      );
      expect(error.code).toBe(code);
      expect(error.localize('en')).toContain(`“${name}”`);
      expect(filesLeft()).toBe(0);
      expect(await ctx.db.selectFrom('stored_files').selectAll().execute()).toEqual([]);
      await close();
    });

    it('says in both languages what was sent and what is accepted', async () => {
      const a = await open();
      const error = await rejection(
        acceptUpload(a, {
          purpose: 'lab-dataset',
          filename: 'survey.docx',
          source: Readable.from([fixture('sample.docx')]),
          ownerId: null,
        }),
      );
      expect(error.localize('en')).toBe(
        'The file “survey.docx” is a Word (.docx) file, which is not accepted here. Accepted: CSV, SPSS (.sav), SPSS compressed (.zsav), SPSS portable (.por), Stata (.dta), Parquet, or Arrow IPC (.arrow).',
      );
      expect(error.localize('fr')).toBe(
        'Le fichier «\u202fsurvey.docx\u202f» est de type Word (.docx), qui n’est pas accepté ici. Types acceptés\u202f: CSV, SPSS (.sav), SPSS compressé (.zsav), SPSS portable (.por), Stata (.dta), Parquet ou Arrow IPC (.arrow).',
      );
      const program = await rejection(
        acceptUpload(a, {
          purpose: 'forum-attachment',
          filename: 'cv.pdf',
          source: Readable.from([fixture('elf-program.pdf')]),
          ownerId: null,
        }),
      );
      expect(program.localize('fr')).toMatch(
        /^«\u202fcv\.pdf\u202f» est un programme ou un script, .* Types acceptés\u202f: PDF, Word \(\.docx\),/,
      );
      await close();
    });

    it('stops a file over the limit while it streams, and states the limit', async () => {
      const a = await open();
      const error = await rejection(
        acceptUpload(a, {
          purpose: 'forum-attachment',
          filename: 'big.csv',
          source: csvStream(10 * MiB + 1),
          ownerId: null,
        }),
      );
      expect(error.code).toBe('file.too_large');
      expect(error.localize('en')).toContain('larger than 10\u00a0MB, the limit for one file here');
      expect(error.localize('fr')).toContain('dépasse 10\u00a0Mo');
      expect(filesLeft()).toBe(0);
      await close();
    });

    it('holds the limits of one submission: total size and number of files', async () => {
      const a = await open();
      let batch = createUploadBatch('forum-attachment');
      for (const n of [1, 2]) {
        ({ batch } = await acceptUpload(a, {
          purpose: 'forum-attachment',
          filename: `part${n}.csv`,
          source: csvStream(8 * MiB),
          ownerId: null,
          batch,
        }));
      }
      const total = await rejection(
        acceptUpload(a, {
          purpose: 'forum-attachment',
          filename: 'part3.csv',
          source: csvStream(5 * MiB),
          ownerId: null,
          batch,
        }),
      );
      expect(total.code).toBe('file.total_too_large');
      expect(total.localize('en')).toContain('larger than 20\u00a0MB, the limit for one submission');
      expect(filesLeft()).toBe(2);
      let lab = createUploadBatch('lab-dataset');
      ({ batch: lab } = await acceptUpload(a, {
        purpose: 'lab-dataset',
        filename: 'lfs.sav',
        source: Readable.from([fixture('sample.sav')]),
        ownerId: null,
        batch: lab,
      }));
      const many = await rejection(
        acceptUpload(a, {
          purpose: 'lab-dataset',
          filename: 'lfs.dta',
          source: Readable.from([fixture('sample.dta')]),
          ownerId: null,
          batch: lab,
        }),
      );
      expect(many.localize('en')).toBe('No more files can be added here: the limit is 1.');
      await close();
    });

    it('keeps nothing of an upload that breaks off', async () => {
      const a = await open();
      const broken = Readable.from(
        (async function* () {
          yield fixture('sample.pdf');
          throw new Error('connection reset by peer');
        })(),
      );
      const error = await rejection(
        acceptUpload(a, {
          purpose: 'assignment-submission',
          filename: 'note.pdf',
          source: broken,
          ownerId: null,
        }),
      );
      expect(error.code).toBe('file.interrupted');
      expect(filesLeft()).toBe(0);
      await close();
    });
  });

  describe('after the upload', () => {
    it('keeps files a feature kept; the sweep deletes the rest after a day; delete removes the bytes', async () => {
      const a = await open();
      const upload = async (name: string) =>
        (
          await acceptUpload(a, {
            purpose: 'assignment-submission',
            filename: name,
            source: Readable.from([fixture('sample.pdf')]),
            ownerId: null,
          })
        ).file;
      const kept = await upload('kept.pdf');
      const abandoned = await upload('abandoned.pdf');
      await ctx.db.transaction().execute((trx) => keepStoredFiles(trx, [kept.id], app.clock.now()));
      app.clock.advance(25 * 3_600_000);
      const runner = createJobRunner({ ...a, clock: app.clock } as typeof app, {
        types: [sweepPendingFilesJob],
        schedules: [],
      });
      await enqueueJob(app, sweepPendingFilesJob, {});
      await runner.runDue();
      expect(await openStoredFile(a, abandoned.id)).toBeUndefined();
      expect(filesLeft()).toBe(1);
      expect(await deleteStoredFile(a, kept.id)).toBe(true);
      expect(filesLeft()).toBe(0);
      expect(await deleteStoredFile(a, kept.id)).toBe(false);
      await close();
    });
  });
});
