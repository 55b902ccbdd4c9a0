// The tables of the practice datasets, computed once by the engine's command line and shipped beside them
// (content/data/lab/<name>.tables.json, see its README): what the Lab shows without JavaScript, and the answer key a
// learner can compare the in-browser result with.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StatTable, TableRow, TableUnit } from '@labmig/stats';
import { practiceFolder } from './practice-datasets';

/** The `meta` of `labmig stats tables --format json`. */
export interface PracticeTablesMeta {
  readonly data: string;
  readonly homeCountry: string;
  readonly surveyYear: number;
  readonly migrantCriterion: string;
  readonly persons: number;
  readonly sdgEligibility: Readonly<Record<string, number>> | null;
  readonly sdgSkipped: string | null;
}

/** A practice dataset's precomputed tables, as the engine's tables. */
export interface PracticeTables {
  /** The practice set's name (`lfs_small`). */
  readonly name: string;
  readonly meta: PracticeTablesMeta;
  readonly tables: readonly StatTable[];
}

/** One table of the tidy JSON (a row holds its dimension levels beside the figures; null = not finite). */
interface TidyTable {
  id: string;
  title: string;
  indicator: string | null;
  unit: TableUnit;
  dims: string[];
  notes: string[];
  rows: Record<string, string | number | null | string[]>[];
}

const NAME = /^[a-z0-9_]+$/;
const SUFFIX = '.tables.json';
const finite = (x: unknown): number => (typeof x === 'number' ? x : NaN);

/** A table of the tidy JSON back as the engine's table (non-finite numbers, written as null, become NaN). */
function fromTidy(t: TidyTable): StatTable {
  const rows: TableRow[] = t.rows.map((r) => ({
    dims: Object.fromEntries(t.dims.map((d) => [d, String(r[d])])),
    estimate: finite(r.estimate),
    se: finite(r.se),
    cv: finite(r.cv),
    ci: [finite(r.ci_lower), finite(r.ci_upper)],
    n: finite(r.n),
    flags: (r.flags as StatTable['rows'][number]['flags'] | undefined) ?? [],
  }));
  return {
    id: t.id,
    title: t.title,
    indicator: t.indicator,
    unit: t.unit,
    dims: t.dims,
    notes: t.notes,
    rows,
  };
}

/**
 * The names of the practice sets that have precomputed tables, sorted.
 *
 * @example
 * await listPracticeTables('content'); // ['lfs_small']
 */
export async function listPracticeTables(contentDir: string): Promise<string[]> {
  const names = await readdir(practiceFolder(contentDir)).catch(() => [] as string[]);
  return names
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .filter((n) => NAME.test(n))
    .sort();
}

const cache = new Map<string, Promise<PracticeTables | null>>();

async function load(contentDir: string, name: string): Promise<PracticeTables | null> {
  const text = await readFile(join(practiceFolder(contentDir), name + SUFFIX), 'utf8').catch(() => null);
  if (text === null) return null;
  const json = JSON.parse(text) as { meta: PracticeTablesMeta; tables: TidyTable[] };
  return { name, meta: json.meta, tables: json.tables.map(fromTidy) };
}

/**
 * A practice set's precomputed tables, or null when `name` is not one of {@link listPracticeTables} (no other file
 * can be read through it). Read once per process.
 *
 * @example
 * (await practiceTables('content', 'lfs_small'))?.tables.find((t) => t.id === 'sdg1071_all')?.rows[0].estimate;
 */
export function practiceTables(contentDir: string, name: string): Promise<PracticeTables | null> {
  if (!NAME.test(name)) return Promise.resolve(null);
  const key = `${contentDir}\0${name}`;
  let found = cache.get(key);
  if (!found) {
    found = load(contentDir, name);
    cache.set(key, found);
    // a missing set is not remembered: the file may be added while the server runs
    void found.then((t) => t ?? cache.delete(key));
  }
  return found;
}
