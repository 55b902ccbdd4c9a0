import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { CpuTaskCancelledError, CpuTaskError, defineCpuTask, WorkerPoolFullError } from './cpu-task.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';

type SampleInput = { ms: number; cooperative?: boolean; fail?: string };
const sample = defineCpuTask<SampleInput, { spins: number }>(
  'test.spin',
  new URL('./testing/sample.task.ts', import.meta.url).href,
);
const quantiles = defineCpuTask<{ probabilities: Float64Array }, Float64Array>(
  'test.quantiles',
  new URL('./testing/stats.task.ts', import.meta.url).href,
);

let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('createWorkerPool', () => {
  it('runs the statistics engine in a thread and returns its result', async () => {
    pool = createWorkerPool({ size: 1 });
    const probabilities = new Float64Array([0.5, 0.975]);
    const result = await pool.run(quantiles, { probabilities }, { transfer: [probabilities.buffer] });
    expect(result[0]).toBe(0);
    expect(result[1]).toBeCloseTo(1.959964, 6);
    expect(probabilities.length).toBe(0); // transferred, not copied
  });

  it('keeps the event loop responsive while a CPU task runs', async () => {
    pool = createWorkerPool({ size: 1 });
    await pool.run(sample, { ms: 1 }); // the thread is up and the module loaded
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 20);
    await pool.run(sample, { ms: 1500 });
    clearInterval(timer);
    delay.disable();
    // 1.5 s of CPU work in the thread; the main loop kept ticking (the same loop on the main thread would give
    // one 1,500 ms gap and about one tick).
    expect(ticks.length).toBeGreaterThan(30);
    expect(delay.max / 1e6).toBeLessThan(300);
  });

  it('reports progress', async () => {
    pool = createWorkerPool({ size: 1 });
    const seen: (number | undefined)[] = [];
    await pool.run(sample, { ms: 200 }, { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('rejects with the task’s error and keeps working', async () => {
    pool = createWorkerPool({ size: 1 });
    const failure = pool.run(sample, { ms: 1, fail: 'weights must not be negative' });
    await expect(failure).rejects.toBeInstanceOf(CpuTaskError);
    await expect(failure).rejects.toMatchObject({ remoteName: 'RangeError' });
    await expect(failure).rejects.toThrow('weights must not be negative');
    expect((await pool.run(sample, { ms: 1 })).spins).toBeGreaterThan(0);
  });

  it('cancels a task that ignores its signal by ending its thread, then serves the next task', async () => {
    pool = createWorkerPool({ size: 1, cancelGraceMs: 50 });
    const cancel = new AbortController();
    const started = Date.now();
    const running = pool.run(sample, { ms: 20_000 }, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 100);
    await expect(running).rejects.toBeInstanceOf(CpuTaskCancelledError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await pool.run(sample, { ms: 1 })).spins).toBeGreaterThan(0);
  });

  it('cancels a cooperative task through its signal without ending the thread', async () => {
    // A long grace: on a loaded machine the new thread may still be loading the task's module when the cancel comes
    // (a 5 s grace ended it once in CI). A task that ignored its signal would still fail here: it would finish (20 s).
    pool = createWorkerPool({ size: 1, cancelGraceMs: 25_000 });
    const cancel = new AbortController();
    const running = pool.run(sample, { ms: 20_000, cooperative: true }, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 100);
    await expect(running).rejects.toBeInstanceOf(CpuTaskCancelledError);
    expect(pool.stats()).toEqual({ threads: 1, busy: 0, queued: 0 });
  });

  it('bounds its queue: one task more than it can hold is refused at once', async () => {
    pool = createWorkerPool({ size: 1, maxQueue: 1 });
    const first = pool.run(sample, { ms: 300 });
    const second = pool.run(sample, { ms: 1 });
    await expect(pool.run(sample, { ms: 1 })).rejects.toBeInstanceOf(WorkerPoolFullError);
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 1 });
    await Promise.all([first, second]);
  });

  it('drops a waiting task that is cancelled before it starts', async () => {
    pool = createWorkerPool({ size: 1 });
    const first = pool.run(sample, { ms: 200 });
    const cancel = new AbortController();
    const waiting = pool.run(sample, { ms: 1 }, { signal: cancel.signal });
    cancel.abort();
    await expect(waiting).rejects.toBeInstanceOf(CpuTaskCancelledError);
    await first;
  });

  it('says which module it could not find', async () => {
    pool = createWorkerPool({ size: 1 });
    await expect(pool.run(defineCpuTask('test.none', '@labmig/core/no-such-task'), {})).rejects.toThrow(
      /module @labmig\/core\/no-such-task not found/,
    );
  });
});
