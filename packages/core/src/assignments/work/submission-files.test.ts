import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { forEachDialect } from '@labmig/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { FileRejectedError } from '../../files/file-rejected-error.ts';
import { acceptUpload, createUploadBatch } from '../../files/upload.commands.ts';
import { createLocalFileStorage } from '../../storage/local-file-storage.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { saveGrade, prepareFeedbackUpload } from '../grading/grade.commands.ts';
import { buildAssignmentWorld } from '../testing/assignment-world.testing.ts';
import type { Actor } from '../../access/actor.ts';
import { getAssignmentPage } from './assignment-page.queries.ts';
import {
  attachSubmissionFiles,
  openSubmissionFile,
  prepareSubmissionUpload,
  removeSubmissionFile,
} from './submission-files.commands.ts';
import { saveDraft, submitWork } from './submission.commands.ts';

const fixture = (name: string) => readFileSync(new URL(`../../files/fixtures/${name}`, import.meta.url));

forEachDialect((ctx) => {
  let app: TestApp | undefined;
  let root = '';
  afterEach(async () => {
    await app?.close();
    app = undefined;
    if (root) rmSync(root, { recursive: true, force: true });
  });
  const filesLeft = () =>
    readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

  /** The world with a storage folder of its own, and an upload helper that goes the way the web route goes. */
  const world = async () => {
    const w = await buildAssignmentWorld(ctx);
    root = mkdtempSync(path.join(tmpdir(), 'labmig-assignment-files-'));
    const wApp = Object.assign(w.app, { storage: await createLocalFileStorage(root) });
    app = wApp;
    const upload = async (who: Actor, key: string, files: { name: string; bytes: Buffer | Readable }[]) => {
      const target = await prepareSubmissionUpload(wApp, who, w.ref(key));
      let batch = createUploadBatch('assignment-submission', target.prior);
      for (const f of files)
        ({ batch } = await acceptUpload(wApp, {
          purpose: 'assignment-submission',
          filename: f.name,
          source: Buffer.isBuffer(f.bytes) ? Readable.from([f.bytes]) : f.bytes,
          ownerId: target.ownerId,
          batch,
          rule: target.rule,
        }));
      return batch.files;
    };
    return { ...w, app: wApp, upload };
  };
  const refusal = async (p: Promise<unknown>) => {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileRejectedError);
    return error as FileRejectedError;
  };

  describe('files of a submission', () => {
    it('accepts a genuine file of each type the assignment allows, checked by content', async () => {
      const w = await world();
      const target = await prepareSubmissionUpload(w.app, w.ana, w.ref('essay'));
      expect(target.rule).toEqual({
        types: ['pdf', 'docx', 'xlsx'],
        maxFileBytes: 5 * 1024 ** 2,
        maxTotalBytes: 8 * 1024 ** 2,
        maxFiles: 2,
      });
      const [pdf, docx] = await w.upload(w.ana, 'essay', [
        { name: 'note.pdf', bytes: fixture('sample.pdf') },
        { name: 'note.docx', bytes: fixture('sample.docx') },
      ]);
      expect([pdf!.type, docx!.type]).toEqual(['pdf', 'docx']);
      const saved = await attachSubmissionFiles(w.app, w.ana, w.ref('essay'), {
        body: 'See the files.',
        version: null,
        fileIds: [pdf!.id, docx!.id],
      });
      const page = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(page.work?.files.map((f) => [f.name, f.type])).toEqual([
        ['note.docx', 'docx'],
        ['note.pdf', 'pdf'],
      ]);
      expect(page.history.map((h) => h.action)).toEqual(['text-saved', 'file-added', 'file-added']);
      // An xlsx file is also on the list; replace one file to stay within the two allowed.
      await removeSubmissionFile(w.app, w.ana, w.ref('essay'), { fileId: docx!.id, version: saved.version });
      const [xlsx] = await w.upload(w.ana, 'essay', [{ name: 'tables.xlsx', bytes: fixture('sample.xlsx') }]);
      expect(xlsx!.type).toBe('xlsx');
    });

    it('refuses types outside the assignment’s list, and disguised files, stating what is accepted', async () => {
      const w = await world();
      const png = await refusal(
        w.upload(w.ana, 'essay', [{ name: 'chart.png', bytes: fixture('sample.png') }]),
      );
      expect(png.code).toBe('file.type_not_allowed');
      expect(png.localize('en')).toContain('Accepted: PDF, Word (.docx), or Excel (.xlsx).');
      const exe = await refusal(
        w.upload(w.ana, 'essay', [{ name: 'report.pdf', bytes: fixture('elf-program.pdf') }]),
      );
      expect(exe.code).toBe('file.executable');
      const html = await refusal(
        w.upload(w.ana, 'essay', [{ name: 'photo.png', bytes: fixture('page.png') }]),
      );
      expect(html.code).toBe('file.markup');
      expect(filesLeft()).toBe(0);
    });

    it('states the assignment’s limits: per file, and files already in the draft', async () => {
      const w = await world();
      const big = await refusal(
        w.upload(w.ana, 'essay', [
          { name: 'big.pdf', bytes: Buffer.concat([fixture('sample.pdf'), Buffer.alloc(6 * 1024 ** 2)]) },
        ]),
      );
      expect(big.code).toBe('file.too_large');
      expect(big.localize('en')).toContain('5');
      const two = await w.upload(w.ana, 'essay', [
        { name: 'a.pdf', bytes: fixture('sample.pdf') },
        { name: 'b.pdf', bytes: fixture('sample.pdf') },
      ]);
      await attachSubmissionFiles(w.app, w.ana, w.ref('essay'), {
        body: '',
        version: null,
        fileIds: two.map((f) => f.id),
      });
      const third = await refusal(
        w.upload(w.ana, 'essay', [{ name: 'c.pdf', bytes: fixture('sample.pdf') }]),
      );
      expect(third.code).toBe('file.too_many');
      expect(third.localize('en')).toContain('2');
    });

    it('leaves no half file and the draft as it was when an upload breaks off', async () => {
      const w = await world();
      const saved = await saveDraft(w.app, w.ana, w.ref('essay'), { body: 'My draft.', version: null });
      const broken = new Readable({
        read() {
          this.push(fixture('sample.pdf'));
          this.destroy(new Error('connection reset'));
        },
      });
      const error = await refusal(w.upload(w.ana, 'essay', [{ name: 'cut.pdf', bytes: broken }]));
      expect(error.code).toBe('file.interrupted');
      expect(filesLeft()).toBe(0);
      const page = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(page.work).toMatchObject({ body: 'My draft.', version: saved.version, files: [] });
    });

    it('lets only the learner, their group and staff download a file', async () => {
      const w = await world();
      const [own] = await w.upload(w.ana, 'essay', [{ name: 'mine.pdf', bytes: fixture('sample.pdf') }]);
      await attachSubmissionFiles(w.app, w.ana, w.ref('essay'), {
        body: 'x',
        version: null,
        fileIds: [own!.id],
      });
      const ref = { cohortId: w.cohortId, fileId: own!.id };
      expect((await openSubmissionFile(w.app, w.ana, ref)).file.name).toBe('mine.pdf');
      expect((await openSubmissionFile(w.app, w.tutor, ref)).file.type).toBe('pdf');
      // Another learner's file does not exist for Ben: "not found", not "forbidden".
      await expect(openSubmissionFile(w.app, w.ben, ref)).rejects.toMatchObject({
        kind: 'not-found',
        code: 'submission.not_found',
      });
      await expect(openSubmissionFile(w.app, w.outsider, ref)).rejects.toMatchObject({
        code: 'cohort.not_found',
      });
    });

    it('refuses to keep someone else’s upload in a draft', async () => {
      const w = await world();
      const [bens] = await w.upload(w.ben, 'essay', [{ name: 'ben.pdf', bytes: fixture('sample.pdf') }]);
      await expect(
        attachSubmissionFiles(w.app, w.ana, w.ref('essay'), {
          body: 'x',
          version: null,
          fileIds: [bens!.id],
        }),
      ).rejects.toMatchObject({ code: 'submission.not_found' });
    });
  });

  describe('feedback files', () => {
    it('reach the learner only with the released grade', async () => {
      const w = await world();
      const s = await submitWork(w.app, w.ana, w.ref('essay'), { body: 'Done.', version: null });
      const ref = { cohortId: w.cohortId, submissionId: s.submissionId };
      const target = await prepareFeedbackUpload(w.app, w.tutor, ref);
      const { file } = await acceptUpload(w.app, {
        purpose: 'assignment-submission',
        filename: 'comments.docx',
        source: Readable.from([fixture('sample.docx')]),
        ownerId: target.ownerId,
        batch: createUploadBatch('assignment-submission', target.prior),
      });
      await saveGrade(w.app, w.tutor, ref, {
        startedFrom: 0,
        action: 'save',
        levels: { sources: 3, concepts: 2 },
        addFiles: [file.id],
      });
      await expect(
        openSubmissionFile(w.app, w.ana, { cohortId: w.cohortId, fileId: file.id }),
      ).rejects.toMatchObject({ code: 'submission.not_found' });
      await saveGrade(w.app, w.tutor, ref, {
        startedFrom: 1,
        action: 'release',
        levels: { sources: 3, concepts: 2 },
      });
      const page = await getAssignmentPage(w.app, w.ana, w.ref('essay'), 'en');
      expect(page.released?.feedbackFiles.map((f) => f.name)).toEqual(['comments.docx']);
      expect(
        (await openSubmissionFile(w.app, w.ana, { cohortId: w.cohortId, fileId: file.id })).file.name,
      ).toBe('comments.docx');
    });
  });
});
