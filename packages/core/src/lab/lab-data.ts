// The bytes of a dataset, for its worker-thread task: an uploaded file from storage, or a practice file of the
// content folder (`content/data/lab`, only the files listed there).
import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabDatasetRow } from '@labmig/db';
import type { App } from '../app/app.ts';
import { openStoredFile } from '../files/upload.commands.ts';

const PRACTICE = /^[a-z0-9_]+\.(csv|sav|dta)$/;

/** The practice data files of the content folder (synthetic LFS), sorted. */
export async function listPracticeFiles(contentDir: string): Promise<{ file: string; bytes: number }[]> {
  const dir = join(contentDir, 'data', 'lab');
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: { file: string; bytes: number }[] = [];
  for (const file of names.sort()) {
    if (!PRACTICE.test(file)) continue;
    const info = await lstat(join(dir, file));
    if (info.isFile()) out.push({ file, bytes: info.size });
  }
  return out;
}

/** The saved mapping shipped beside a practice file (`lfs_small.mapping.json`), or null. */
export async function practiceMapping(contentDir: string, file: string): Promise<unknown> {
  const base = file.replace(/\.[^.]+$/, '');
  const text = await readFile(join(contentDir, 'data', 'lab', `${base}.mapping.json`), 'utf8').catch(
    () => null,
  );
  return text === null ? null : (JSON.parse(text) as unknown);
}

/** A fresh buffer of its own (so it can be transferred to a thread without taking others' memory with it). */
function own(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  return new Uint8Array(bytes);
}

/**
 * Reads a dataset's bytes into one buffer (streamed from storage into a buffer of the known size). The caller
 * transfers it to the worker thread.
 */
export async function readDatasetBytes(
  app: Pick<App, 'db' | 'storage' | 'config'>,
  row: LabDatasetRow,
): Promise<Uint8Array> {
  if (row.source === 'practice') {
    const files = await listPracticeFiles(app.config.contentDir);
    if (!files.some((f) => f.file === row.practice_file))
      throw new Error(`practice file ${row.practice_file} is gone`);
    return own(await readFile(join(app.config.contentDir, 'data', 'lab', row.practice_file!)));
  }
  const stored = row.file_id ? await openStoredFile(app, row.file_id) : undefined;
  if (!stored) throw new Error('the dataset’s file is gone');
  const out = new Uint8Array(stored.file.size);
  let at = 0;
  for await (const chunk of await stored.read()) {
    const bytes = chunk as Uint8Array;
    if (at + bytes.length > out.length) throw new Error('the dataset’s file is larger than recorded');
    out.set(bytes, at);
    at += bytes.length;
  }
  return at === out.length ? out : out.subarray(0, at);
}
