// The worker's handler, run in Node on the shipped practice files, against the engine's command line on the same
// files and the same mapping or spec.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runStatsCli } from '@labmig/stats/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHandler } from './engine-handler.ts';
import type { SpecResult } from '@labmig/stats';
import type { EngineOp, EngineOps, EngineRequest, EngineResponse } from './engine-protocol.ts';

const lab = resolve(import.meta.dirname, '../../../../../content/data/lab');
const practice = (name: string) => join(lab, name);
const mappingJson = JSON.parse(readFileSync(practice('lfs_small.mapping.json'), 'utf8'));
const blobOf = (name: string) => new Blob([readFileSync(practice(name))]);

/** A handler with a way to send one request and get all its responses. */
function engine() {
  const responses: EngineResponse[] = [];
  const transfers: Transferable[][] = [];
  const handle = createEngineHandler((r, t) => {
    responses.push(structuredClone(r));
    transfers.push(t ?? []);
  });
  let id = 0;
  async function send<K extends EngineOp>(op: K, payload: EngineOps[K]['request']) {
    const req = { id: ++id, op, ...payload } as EngineRequest;
    await handle(req);
    const mine = responses.filter((r) => r.id === req.id);
    const last = mine[mine.length - 1];
    return {
      progress: mine.filter((r) => r.type === 'progress'),
      result: last.type === 'result' ? (last.result as EngineOps[K]['result']) : undefined,
      error: last.type === 'error' ? last.error : undefined,
      transfer: transfers[responses.indexOf(last)],
    };
  }
  return { send };
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
  };
  const code = await runStatsCli(args, io);
  return { code, ...out };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'labmig-engine-'));
  for (const f of ['lfs_small.sav', 'lfs_small.csv', 'lfs_small.mapping.json'])
    copyFileSync(practice(f), join(dir, f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the engine worker’s handler', () => {
  it('gives the tables of `labmig stats tables` on lfs_small.sav with the practice mapping', async () => {
    const { send } = engine();
    const opened = await send('open', { file: blobOf('lfs_small.sav'), name: 'lfs_small.sav' });
    expect(opened.result).toMatchObject({
      source: 'lfs_small.sav',
      format: 'sav',
      rows: 21473,
      variables: 28,
    });
    const tables = await send('tables', { mapping: mappingJson });
    expect(tables.error).toBeUndefined();
    const stages = new Set(tables.progress.map((p) => p.type === 'progress' && p.stage));
    expect([...stages]).toEqual(['classifying', 'tables', 'sdg']);
    const exported = await send('export', { format: 'json' });
    expect(exported.result?.filename).toBe('lfs_small-tables.json');
    expect(exported.transfer).toEqual([exported.result?.bytes.buffer]);
    const fromWorker = JSON.parse(new TextDecoder().decode(exported.result?.bytes));

    const out = join(dir, 'out-sav');
    const run = await cli([
      'tables',
      '--data',
      join(dir, 'lfs_small.sav'),
      '--mapping',
      join(dir, 'lfs_small.mapping.json'),
      '--out',
      out,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const fromCli = JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8'));
    expect(fromWorker.tables.length).toBeGreaterThan(20);
    expect(fromWorker.tables).toEqual(fromCli.tables);
    for (const key of [
      'homeCountry',
      'surveyYear',
      'persons',
      'classification',
      'notAssessed',
      'sdgEligibility',
      'sdgSkipped',
    ])
      expect(fromWorker.meta[key], key).toEqual(fromCli.meta[key]);
  });

  it('streams the CSV (plain and gzip) and gets the same tables as the .sav', async () => {
    const { send } = engine();
    await send('open', { file: blobOf('lfs_small.sav'), name: 'lfs_small.sav' });
    const sav = (await send('tables', { mapping: mappingJson })).result;
    for (const [name, blob] of [
      ['lfs_small.csv', blobOf('lfs_small.csv')],
      ['lfs_small.csv.gz', new Blob([gzipSync(readFileSync(practice('lfs_small.csv')))])],
    ] as const) {
      const opened = await send('open', { file: blob, name });
      expect(opened.result, name).toMatchObject({
        rows: 21473,
        format: name.endsWith('.gz') ? 'csv.gz' : 'csv',
      });
      const reading = opened.progress.map((p) => (p.type === 'progress' ? p.done : -1));
      expect(reading.length, name).toBeGreaterThan(0);
      expect(reading, name).toEqual([...reading].sort((a, b) => a - b));
      expect(reading.at(-1), name).toBe(blob.size);
      const csv = (await send('tables', { mapping: mappingJson })).result;
      expect(csv?.tables, name).toEqual(sav?.tables);
    }
  });

  it('reads the engine’s other formats too: Parquet (zstd, snappy), Arrow, SPSS portable', async () => {
    const stats = resolve(import.meta.dirname, '../../../../../packages/stats/test/fixtures');
    const { send } = engine();
    await send('open', {
      file: new Blob([readFileSync(join(stats, 'columnar/columnar-source.csv'))]),
      name: 'source.csv',
    });
    const source = (await send('overview', { previewRows: 300 })).result;
    for (const name of ['arrow_rs_zstd.parquet', 'arrow_rs_snappy.parquet', 'arrow_js.arrow']) {
      const opened = await send('open', {
        file: new Blob([readFileSync(join(stats, 'columnar', name))]),
        name,
      });
      expect(opened.error, name).toBeUndefined();
      expect(opened.result, name).toMatchObject({ rows: source?.nrows, variables: source?.variables.length });
      const overview = (await send('overview', { previewRows: 300 })).result;
      expect(
        overview?.variables.map((v) => v.name),
        name,
      ).toEqual(source?.variables.map((v) => v.name));
    }
    const por = await send('open', {
      file: new Blob([readFileSync(join(stats, 'io/gen_lf.por'))]),
      name: 'gen_lf.por',
    });
    expect(por.result).toMatchObject({ format: 'por' });
    expect(por.result?.rows).toBeGreaterThan(0);
  });

  it('gives the code table of a column the user picks for a coded role', async () => {
    const { send } = engine();
    await send('open', { file: blobOf('lfs_small.sav'), name: 'lfs_small.sav' });
    const lfs = (await send('codes', { field: 'columns.lfs', column: 'lfs' })).result;
    expect(lfs?.values.map((v) => v.concept).sort()).toEqual(['employed', 'outside_lf', 'unemployed']);
    expect(lfs?.values.reduce((n, v) => n + v.count, 0)).toBeLessThanOrEqual(21473);
    expect((await send('codes', { field: 'columns.age', column: 'age' })).result).toBeNull();
    const none = await send('codes', { field: 'columns.lfs', column: 'nope' });
    expect(none.result).toBeNull();
    const closed = engine();
    expect((await closed.send('codes', { field: 'columns.lfs', column: 'lfs' })).error?.code).toBe(
      'engine.no_dataset',
    );
  });

  it('runs a spec as `labmig stats run --spec` does', async () => {
    const spec = {
      data: 'lfs_small.csv',
      derive: {
        wap: { from: 'age', gte: 15 },
        lf: { from: 'lfs', in: ['employed', 'unemployed'], missingAs: 0 },
        unemp: { from: 'lfs', in: ['unemployed'], missingAs: 0 },
      },
      design: { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true },
      estimate: [
        { kind: 'ratio', variables: ['lf'], denominator: 'wap', by: ['migrant'] },
        { kind: 'ratio', variables: ['unemp'], denominator: 'lf', by: ['migrant', 'sex'] },
      ],
    };
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    const run = await cli(['run', '--spec', join(dir, 'spec.json')]);
    expect(run.code).toBe(0);
    const { send } = engine();
    await send('open', { file: blobOf('lfs_small.csv'), name: 'lfs_small.csv' });
    const result = (await send('run', { spec: spec as EngineOps['run']['request']['spec'] })).result;
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(run.stdout));
    // R: svyby(~lf, ~migrant, des, svyratio, denominator = ~wap) gives 0.793653861 for migrants
    const lfpr = (result as { results: SpecResult[] }).results[0];
    expect(lfpr.estimates.find((e) => e.domain?.migrant === 'yes')?.estimate).toBeCloseTo(0.793653861, 8);
  });

  it('describes the file, suggests the mapping, validates it and saves it', async () => {
    const { send } = engine();
    await send('open', { file: blobOf('lfs_small.sav'), name: 'lfs_small.sav' });
    const overview = (await send('overview', { previewRows: 3 })).result;
    expect(overview?.preview).toHaveLength(3);
    expect(overview?.variables.find((v) => v.name === 'lfs')?.valueLabels).toEqual([
      { code: '1', label: 'employed' },
      { code: '2', label: 'unemployed' },
      { code: '3', label: 'outside_lf' },
    ]);
    const suggestion = (await send('suggest', {})).result;
    expect(suggestion?.mapping.design).toEqual({ weight: 'weight', strata: 'stratum', psu: 'psu' });
    const report = (await send('validate', { mapping: suggestion?.mapping })).result;
    expect(report).toMatchObject({ canRun: true, errors: 0, warnings: 0 });
    const saved = (await send('saveMapping', { mapping: suggestion?.mapping })).result;
    expect(saved).toMatchObject({
      format: 'labmig-mapping',
      version: 1,
      dataset: { file: 'lfs_small.sav', rows: 21473 },
    });
    expect((await send('reuse', { mapping: saved })).result?.report.canRun).toBe(true);
  });

  it.each<
    [string, EngineOp, (s: ReturnType<typeof engine>['send']) => Promise<unknown>, Record<string, unknown>]
  >([
    ['a request before any file', 'overview', (s) => s('overview', {}), { code: 'engine.no_dataset' }],
    [
      'an export before any tables',
      'export',
      async (s) => {
        await s('open', { file: new Blob(['age\n30\n']), name: 'a.csv' });
        return s('export', { format: 'json' });
      },
      { code: 'engine.no_tables' },
    ],
    [
      'a ragged CSV row',
      'open',
      (s) => s('open', { file: new Blob(['a,b\n1,2\n3\n']), name: 'bad.csv' }),
      { code: 'csv.ragged_row', file: 'bad.csv', line: 3 },
    ],
    [
      'a file that is not SPSS',
      'open',
      (s) => s('open', { file: new Blob(['$FL2 not really spss']), name: 'x.sav' }),
      { file: 'x.sav' },
    ],
    [
      'a mapping naming a column the file lacks',
      'tables',
      async (s) => {
        await s('open', { file: blobOf('lfs_small.sav'), name: 'lfs_small.sav' });
        return s('tables', { mapping: { ...mappingJson, columns: { ...mappingJson.columns, age: 'agee' } } });
      },
      { code: 'mapping.column_missing', field: 'columns.age' },
    ],
    [
      'a mapping file of a newer version',
      'tables',
      async (s) => {
        await s('open', { file: blobOf('lfs_small.sav'), name: 'lfs_small.sav' });
        return s('tables', { mapping: { ...mappingJson, version: 2 } });
      },
      { code: 'mapping.invalid', field: 'version' },
    ],
    [
      'a spec with an unknown estimator',
      'run',
      async (s) => {
        await s('open', { file: blobOf('lfs_small.sav'), name: 'lfs_small.sav' });
        return s('run', {
          spec: { design: { weights: 'weight' }, estimate: { kind: 'median', variables: ['age'] } } as never,
        });
      },
      { code: 'spec.invalid', field: 'spec.estimate.kind' },
    ],
    [
      'an unknown request',
      'close',
      (s) => s('nope' as EngineOp, {} as never),
      { code: 'engine.bad_request' },
    ],
  ])('answers %s with a structured error', async (_name, _op, act, expected) => {
    const { send } = engine();
    const r = (await act(send)) as { error?: Record<string, unknown>; result?: unknown };
    expect(r.result).toBeUndefined();
    expect(r.error).toMatchObject(expected);
    expect(typeof r.error?.code).toBe('string');
    expect(String(r.error?.message)).not.toBe('');
  });

  it('keeps serving after an error, in order', async () => {
    const { send } = engine();
    const [bad, good] = await Promise.all([
      send('open', { file: new Blob(['a,b\n1\n']), name: 'bad.csv' }),
      send('open', { file: new Blob(['age,sex\n30,f\n41,m\n']), name: 'ok.csv' }),
    ]);
    expect(bad.error?.code).toBe('csv.ragged_row');
    expect(good.result).toMatchObject({ rows: 2, variables: 2 });
  });
});
