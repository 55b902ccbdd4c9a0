import { join } from 'node:path';
import { loadReferenceData } from './reference-data.loader.ts';
import type { ReferenceData } from './reference-data.rules.ts';

const cache = new Map<string, ReferenceData>();

/**
 * The checked reference data of a content folder (`<contentDir>/data`), read once per process. Data that fail
 * their checks are never shown: this throws with the problems (a broken data file is a deployment error).
 */
export function referenceDataOf(contentDir: string): ReferenceData {
  const dir = join(contentDir, 'data');
  const known = cache.get(dir);
  if (known) return known;
  const loaded = loadReferenceData(dir);
  if (!loaded.ok)
    throw new Error(
      `reference data in ${dir} failed their checks:\n${loaded.problems
        .map((p) => `${p.file} ${p.where}: ${p.message}`)
        .join('\n')}`,
    );
  cache.set(dir, loaded.data);
  return loaded.data;
}
