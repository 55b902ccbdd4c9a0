import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, loadConfig, type App } from '@labmig/core/app';
import { receiveUploads } from './uploads.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../packages/core/src/files/fixtures/${name}`, import.meta.url));

let dir: string;
let app: App;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'labmig-web-uploads-'));
  app = await openApp(
    loadConfig({
      DATABASE_PATH: path.join(dir, 'db.sqlite'),
      FILES_DIR: path.join(dir, 'files'),
      LOG_LEVEL: 'silent',
    }),
  );
});
afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true });
});

/** A multipart request as a browser sends it (FormData → Request → body stream). */
function multipart(parts: [string, string | File][]): Request {
  const form = new FormData();
  for (const [name, value] of parts) form.append(name, value);
  return new Request('http://campus.test/post', { method: 'POST', body: form });
}

const storedFiles = () => app.db.selectFrom('stored_files').select(['original_name', 'file_type']).execute();

describe('receiveUploads', () => {
  it('stores each file after checking it, and returns the text fields', async () => {
    const request = multipart([
      ['body', 'My country note, draft 2'],
      ['files', new File([fixture('sample.pdf')], 'note.pdf')],
      ['files', new File([fixture('sample.xlsx')], 'tables.xlsx')],
      ['files', new File([], '')], // an empty file input
    ]);
    const form = await receiveUploads(app, request, { purpose: 'assignment-submission', ownerId: null });
    expect(form.error).toBeUndefined();
    expect(form.fields).toEqual({ body: ['My country note, draft 2'] });
    expect(form.files.map((f) => [f.name, f.type])).toEqual([
      ['note.pdf', 'pdf'],
      ['tables.xlsx', 'xlsx'],
    ]);
    expect(await storedFiles()).toHaveLength(2);
  });

  it('refuses a disguised file, keeps no file of the form, and still returns the draft written after it', async () => {
    const request = multipart([
      ['files', new File([fixture('sample.pdf')], 'note.pdf')],
      ['files', new File([fixture('page.png')], 'chart.png')],
      ['body', 'the draft that must not be lost'],
    ]);
    const form = await receiveUploads(app, request, { purpose: 'forum-attachment', ownerId: null });
    expect(form.error?.code).toBe('file.markup');
    expect(form.error?.localize('fr')).toContain('«\u202fchart.png\u202f» contient du code de page web');
    expect(form.fields.body).toEqual(['the draft that must not be lost']);
    expect(form.files).toEqual([]);
    expect(await storedFiles()).toEqual([]);
  });

  it('stops at the per-file limit while streaming and says so', async () => {
    const big = new File([new Uint8Array(11 * 1024 ** 2).fill(65)], 'big.txt');
    const form = await receiveUploads(
      app,
      multipart([
        ['files', big],
        ['body', 'kept'],
      ]),
      {
        purpose: 'forum-attachment',
        ownerId: null,
      },
    );
    expect(form.error?.code).toBe('file.too_large');
    expect(form.error?.localize('en')).toContain('larger than 10\u00a0MB');
    expect(form.fields.body).toEqual(['kept']);
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses more files than the use allows', async () => {
    const files: [string, File][] = Array.from({ length: 2 }, (_, i) => [
      'files',
      new File([fixture('sample.csv')], `d${i}.csv`),
    ]);
    const form = await receiveUploads(app, multipart(files), { purpose: 'lab-dataset', ownerId: null });
    expect(form.error?.code).toBe('file.too_many');
    expect(await storedFiles()).toEqual([]);
  });
});
