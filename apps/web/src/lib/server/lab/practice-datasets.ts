// The practice datasets shipped in content/data/lab (synthetic, see its README): listed for the Lab pages and
// served to the browser for in-browser analysis. Only files of this folder with a data extension are reachable.
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

/** A practice dataset file. */
export interface PracticeDataset {
  readonly file: string;
  readonly format: 'csv' | 'sav' | 'dta';
  readonly bytes: number;
}

const FORMATS: readonly (readonly [RegExp, PracticeDataset['format']])[] = [
  [/\.csv(\.gz)?$/, 'csv'],
  [/\.z?sav$/, 'sav'],
  [/\.dta$/, 'dta'],
];

/** The folder of the practice datasets under the content folder. */
export const practiceFolder = (contentDir: string): string => join(contentDir, 'data', 'lab');

/**
 * The practice datasets, sorted by name; none when the folder is missing.
 *
 * @example
 * await listPracticeDatasets('content'); // [{ file: 'lfs_small.csv', format: 'csv', bytes: 2545545 }, …]
 */
export async function listPracticeDatasets(contentDir: string): Promise<PracticeDataset[]> {
  const dir = practiceFolder(contentDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: PracticeDataset[] = [];
  for (const file of names.sort()) {
    const format = FORMATS.find(([re]) => re.test(file))?.[1];
    if (!format) continue;
    const info = await lstat(join(dir, file)); // a symbolic link could point anywhere: refused
    if (info.isFile()) out.push({ file, format, bytes: info.size });
  }
  return out;
}

/**
 * A practice dataset as a stream, or null when `file` is not one of {@link listPracticeDatasets} (so no other path
 * of the server can be read through it).
 */
export async function openPracticeDataset(
  contentDir: string,
  file: string,
): Promise<{ dataset: PracticeDataset; body: ReadableStream<Uint8Array> } | null> {
  const dataset = (await listPracticeDatasets(contentDir)).find((d) => d.file === file);
  if (!dataset) return null;
  const stream = createReadStream(join(practiceFolder(contentDir), dataset.file));
  return { dataset, body: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
}
