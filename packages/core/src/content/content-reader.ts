import { createHash } from 'node:crypto';
import path from 'node:path';
import { readTextIfExists } from './content-files.ts';

/** Bumped when the meaning of the files changes, so the import hash changes with it. */
const FORMAT_VERSION = 'labmig-content-1';

/** Reads files of one course and remembers them, so the import hash covers exactly what was loaded. */
export interface ContentReader {
  readonly courseDir: string;
  /** Path used in error messages: the course folder joined with the relative path. */
  display(rel: string): string;
  read(rel: string): Promise<string | null>;
  /** sha256 over the format version and every file read, in path order (independent of read order). */
  hash(): string;
}

/** Creates a reader rooted at `courseDir`; relative paths always use `/`. */
export function createContentReader(courseDir: string): ContentReader {
  const files = new Map<string, string>();
  return {
    courseDir,
    display: (rel) => path.join(courseDir, rel),
    async read(rel) {
      const text = await readTextIfExists(path.join(courseDir, rel));
      if (text !== null) files.set(rel, text);
      return text;
    },
    hash() {
      const digest = createHash('sha256').update(FORMAT_VERSION);
      for (const rel of [...files.keys()].sort()) {
        const text = files.get(rel)!.replace(/\r\n?/g, '\n');
        digest.update(`\0${rel}\0${Buffer.byteLength(text)}\0`).update(text);
      }
      return digest.digest('hex');
    },
  };
}
