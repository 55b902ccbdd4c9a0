// The page's client of the engine worker, with the worker replaced by the real handler in this thread.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabEngine, LabEngineError, type EngineProgress } from './engine-client.ts';
import { createEngineHandler } from './engine-handler.ts';
import type { EngineRequest, EngineResponse } from './engine-protocol.ts';

const lab = resolve(import.meta.dirname, '../../../../../content/data/lab');
const sav = new Blob([readFileSync(resolve(lab, 'lfs_small.sav'))]);
const mapping = JSON.parse(readFileSync(resolve(lab, 'lfs_small.mapping.json'), 'utf8'));

/** A stand-in for the browser's Worker: the same handler, messages cloned, nothing delivered once terminated. */
class InThreadWorker {
  onmessage: ((event: { data: EngineResponse }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  readonly received: EngineRequest[] = [];
  readonly #handle = createEngineHandler((r) => {
    if (!this.terminated)
      setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(r) }));
  });
  postMessage(request: EngineRequest): void {
    this.received.push(request);
    if (!this.terminated) setTimeout(() => void this.#handle(request));
  }
  terminate(): void {
    this.terminated = true;
  }
}

function client() {
  const workers: InThreadWorker[] = [];
  const engine = new LabEngine({
    createWorker: () => {
      const w = new InThreadWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
  });
  return { engine, workers };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof LabEngineError ? e.code : String(e)),
  );

describe('LabEngine', () => {
  it('opens a file and computes the tables, reporting progress', async () => {
    const { engine } = client();
    const seen: EngineProgress[] = [];
    expect(await engine.open(sav, { name: 'lfs_small.sav', onProgress: (p) => seen.push(p) })).toMatchObject({
      rows: 21473,
    });
    const result = await engine.tables(mapping, { onProgress: (p) => seen.push(p) });
    expect(result.tables.length).toBeGreaterThan(20);
    expect(new Set(seen.map((p) => `${p.op}:${p.stage}`))).toEqual(
      new Set(['open:reading', 'tables:classifying', 'tables:tables', 'tables:sdg']),
    );
    expect(engine.busy).toBe(false);
  });

  it('cancels: the request rejects at once, the worker is terminated, and the next request reopens the file in a new one', async () => {
    const { engine, workers } = client();
    await engine.open(sav, { name: 'lfs_small.sav' });
    const running = engine.tables(mapping);
    expect(engine.busy).toBe(true);
    engine.cancel();
    expect(await codeOf(running)).toBe('engine.cancelled');
    expect(workers[0].terminated).toBe(true);
    expect(engine.busy).toBe(false);
    const overview = await engine.overview({ previewRows: 1 });
    expect(overview.nrows).toBe(21473);
    expect(workers).toHaveLength(2);
    expect(workers[1].received.map((r) => r.op)).toEqual(['open', 'overview']);
  });

  it('forgets a file whose reading was cancelled', async () => {
    const { engine } = client();
    const opening = engine.open(sav, { name: 'lfs_small.sav' });
    engine.cancel();
    expect(await codeOf(opening)).toBe('engine.cancelled');
    expect(await codeOf(engine.overview())).toBe('engine.no_dataset');
  });

  it('rejects with the structured error of the engine', async () => {
    const { engine } = client();
    const error = await engine.open(new Blob(['a,b\n1\n']), { name: 'bad.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabEngineError);
    expect((error as LabEngineError).detail).toMatchObject({
      code: 'csv.ragged_row',
      file: 'bad.csv',
      line: 2,
    });
  });

  it('reports a worker that fails to start as engine.worker_failed, and starts a new one next time', async () => {
    const { engine, workers } = client();
    const pending = engine.overview();
    workers[0].onerror?.({ message: 'Refused to create a worker', preventDefault: () => undefined });
    expect(await codeOf(pending)).toBe('engine.worker_failed');
    expect(workers[0].terminated).toBe(true);
    expect(await codeOf(engine.overview())).toBe('engine.no_dataset');
    expect(workers).toHaveLength(2);
  });
});
