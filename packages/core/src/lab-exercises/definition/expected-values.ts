import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  computeMigrationTables,
  parseMapping,
  planSampleSize,
  runSpec,
  type Dataset,
  type MigrationTables,
  type SampleSizeInput,
  type SpecResult,
  type StatsSpec,
} from '@labmig/stats';
import { readDataFile } from '@labmig/stats/node';
import type { LabAnswerSpec, LabExerciseDefinition } from './lab-exercise-definition.ts';

/** A computation the engine refused, or an answer that picks no number of the result; `answerId` when it is one answer. */
export class LabComputeError extends Error {
  override readonly name = 'LabComputeError';
  constructor(
    message: string,
    readonly answerId: string | null = null,
  ) {
    super(message);
  }
}

// The same practice file and mapping serve several exercises and several imports: read and tabulated once per process.
const datasets = new Map<string, Promise<Dataset>>();
const tables = new Map<string, Promise<MigrationTables>>();

function dataset(path: string): Promise<Dataset> {
  let loaded = datasets.get(path);
  if (!loaded) {
    loaded = readDataFile(path, { threads: 1 });
    datasets.set(path, loaded);
    loaded.catch(() => datasets.delete(path));
  }
  return loaded;
}

function migrationTables(dataPath: string, mappingPath: string): Promise<MigrationTables> {
  const key = `${dataPath}\n${mappingPath}`;
  let computed = tables.get(key);
  if (!computed) {
    computed = (async () => {
      const mapping = parseMapping(JSON.parse(await readFile(mappingPath, 'utf8')));
      return computeMigrationTables(await dataset(dataPath), mapping);
    })();
    tables.set(key, computed);
    computed.catch(() => tables.delete(key));
  }
  return computed;
}

type Field = 'estimate' | 'se' | 'cv' | 'ci_lower' | 'ci_upper';

function finite(value: number | null | undefined, answer: LabAnswerSpec, what: string): number {
  if (value === null || value === undefined || !Number.isFinite(value))
    throw new LabComputeError(
      `answer ${answer.id}: the engine gives no finite number for ${what}`,
      answer.id,
    );
  return value * answer.scale;
}

const sameCell = (want: Readonly<Record<string, unknown>>, have: Readonly<Record<string, string>> | null) =>
  Object.entries(want).every(([k, v]) => have?.[k] === v) &&
  Object.keys(have ?? {}).length === Object.keys(want).length;

function pickFromRun(results: readonly SpecResult[], answer: LabAnswerSpec): number {
  const pick = answer.pick as {
    result: number;
    domain?: Record<string, string>;
    term?: string;
    field: Field;
  };
  const result = results[pick.result];
  if (!result)
    throw new LabComputeError(
      `answer ${answer.id}: result ${pick.result} does not exist (the spec has ${results.length} estimate(s))`,
      answer.id,
    );
  const found = result.estimates.filter(
    (e) =>
      (pick.domain ? sameCell(pick.domain, e.domain) : e.domain === null) &&
      (pick.term === undefined || e.term === pick.term),
  );
  if (found.length !== 1)
    throw new LabComputeError(
      `answer ${answer.id}: ${found.length === 0 ? 'no' : found.length} estimate(s) of result ${pick.result} match ` +
        `domain ${JSON.stringify(pick.domain ?? null)}${pick.term ? ` and term ${pick.term}` : ''}` +
        (found.length > 1 ? ' (name the term)' : ''),
      answer.id,
    );
  const e = found[0];
  const value = { estimate: e.estimate, se: e.se, cv: e.cv, ci_lower: e.ci[0], ci_upper: e.ci[1] }[
    pick.field
  ];
  return finite(value, answer, `${pick.field} of that estimate`);
}

function pickFromTables(result: MigrationTables, answer: LabAnswerSpec): number {
  const pick = answer.pick as { table: string; row: Record<string, string>; field: Field };
  const table = result.tables.find((t) => t.id === pick.table);
  if (!table)
    throw new LabComputeError(
      `answer ${answer.id}: no table ${pick.table} (the engine makes ${result.tables.map((t) => t.id).join(', ')})`,
      answer.id,
    );
  const rows = table.rows.filter((r) => sameCell(pick.row, r.dims));
  if (rows.length !== 1)
    throw new LabComputeError(
      `answer ${answer.id}: no row of ${pick.table} has exactly ${JSON.stringify(pick.row)} (dimensions: ${table.dims.join(', ')})`,
      answer.id,
    );
  const r = rows[0];
  const value = { estimate: r.estimate, se: r.se, cv: r.cv, ci_lower: r.ci[0], ci_upper: r.ci[1] }[
    pick.field
  ];
  return finite(value, answer, `${pick.field} of ${pick.table}`);
}

/**
 * The value of every answer of an exercise, as the engine computes it on the practice dataset (`labDir` is
 * `content/data/lab`): a `labmig stats run` spec, the `labmig stats tables` pipeline with a mapping of that folder,
 * or `planSampleSize`. Each number is multiplied by the answer's `scale`.
 * @throws LabComputeError when the engine refuses the computation or an answer picks no finite number
 */
export async function computeExpectedValues(
  exercise: Pick<LabExerciseDefinition, 'compute' | 'dataset' | 'answers'>,
  labDir: string,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const c = exercise.compute;
  try {
    if ('sampleSize' in c) {
      const plan = planSampleSize(c.sampleSize as unknown as SampleSizeInput);
      for (const a of exercise.answers) {
        const figure = (a.pick as { plan: keyof typeof plan }).plan;
        out[a.id] = finite(plan[figure] as number | undefined, a, `plan figure ${String(figure)}`);
      }
      return out;
    }
    if (!exercise.dataset) throw new LabComputeError('this computation needs a `dataset`');
    const dataPath = join(labDir, exercise.dataset);
    if ('run' in c) {
      const result = runSpec(c.run as unknown as StatsSpec, await dataset(dataPath));
      const results = 'results' in result ? result.results : [result];
      for (const a of exercise.answers) out[a.id] = pickFromRun(results, a);
    } else {
      const result = await migrationTables(dataPath, join(labDir, c.tables.mapping));
      for (const a of exercise.answers) out[a.id] = pickFromTables(result, a);
    }
    return out;
  } catch (e) {
    if (e instanceof LabComputeError) throw e;
    throw new LabComputeError(`the engine refused the computation: ${(e as Error).message}`);
  }
}
