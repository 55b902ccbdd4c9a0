import { readFile, stat } from 'node:fs/promises';

/** Reads a UTF-8 file, or returns null when it does not exist. Other I/O errors propagate (they are bugs or outages). */
export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** True when `dir` exists and is a directory. */
export async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** Counts words the way a reader would: runs of letters or digits, ignoring Markdown punctuation. */
export function countWords(markdown: string): number {
  return (markdown.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []).length;
}
