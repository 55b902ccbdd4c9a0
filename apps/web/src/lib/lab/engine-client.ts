// The page side of the protocol: a typed client for the engine's Web Worker (README.md). Import it only from Lab
// pages: it is what pulls the worker bundle into a page.
import type {
  EngineError,
  EngineOp,
  EngineOps,
  EngineRequest,
  EngineResponse,
  EngineStage,
  ExportFormat,
  OpenOptions,
} from './engine-protocol.ts';
import type { StatsSpec } from '@labmig/stats';

/** A progress event of a long request. */
export interface EngineProgress {
  readonly op: EngineOp;
  readonly stage: EngineStage;
  readonly done: number;
  readonly total: number;
}

/** A request that failed; `detail` has the code to translate (see engine-messages.ts) and the engine's text. */
export class LabEngineError extends Error {
  readonly detail: EngineError;
  constructor(detail: EngineError) {
    super(detail.message);
    this.name = 'LabEngineError';
    this.detail = detail;
  }
  get code(): EngineError['code'] {
    return this.detail.code;
  }
}

type OnProgress = (p: EngineProgress) => void;
interface Pending {
  readonly op: EngineOp;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: LabEngineError) => void;
  readonly onProgress?: OnProgress;
}

/**
 * A copy of a JSON value (a mapping, a spec) that the structured clone of `postMessage` accepts: a page's reactive
 * state (a Svelte `$state` proxy) cannot be posted as it is.
 */
const plain = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** The module worker built from engine.worker.ts (Vite emits it as its own chunk). */
function startWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'labmig-engine',
  });
}

/**
 * The statistics engine running in a Web Worker, so that the page stays responsive and the file never leaves the
 * computer. Every method returns a promise of the protocol's answer, or rejects with a {@link LabEngineError}.
 * `cancel()` stops whatever runs (the worker is terminated, its memory freed); the next call starts a fresh worker and
 * reads the last file again.
 *
 * @example
 * const engine = new LabEngine();
 * await engine.open(file);                        // { rows: 21473, variables: 28, format: 'sav', … }
 * const { mapping } = await engine.suggest();
 * const report = await engine.validate(mapping);  // report.canRun
 * const { tables } = await engine.tables(mapping, { onProgress: (p) => bar.value = p.done / p.total });
 */
export class LabEngine {
  #worker: Worker | null = null;
  #next = 1;
  #pending = new Map<number, Pending>();
  #lastOpen: EngineOps['open']['request'] | null = null;
  #reopen = false;
  readonly #create: () => Worker;
  readonly #onProgress?: OnProgress;

  constructor(options: { createWorker?: () => Worker; onProgress?: OnProgress } = {}) {
    this.#create = options.createWorker ?? startWorker;
    this.#onProgress = options.onProgress;
  }

  /** True while a request is being served. */
  get busy(): boolean {
    return this.#pending.size > 0;
  }

  open(file: Blob, o: { name?: string; options?: OpenOptions; onProgress?: OnProgress } = {}) {
    this.#lastOpen = { file, name: o.name, options: o.options };
    this.#reopen = false;
    return this.#call('open', { file, name: o.name, options: o.options }, o.onProgress).catch(
      (e: unknown) => {
        this.#lastOpen = null;
        throw e;
      },
    );
  }
  overview(o: EngineOps['overview']['request'] = {}) {
    return this.#call('overview', o);
  }
  suggest() {
    return this.#call('suggest', {});
  }
  codes(field: string, column: string) {
    return this.#call('codes', { field, column });
  }
  validate(mapping: unknown, o: { maxExamples?: number } = {}) {
    return this.#call('validate', { mapping: plain(mapping), maxExamples: o.maxExamples });
  }
  saveMapping(mapping: unknown) {
    return this.#call('saveMapping', { mapping: plain(mapping) });
  }
  reuse(mapping: unknown) {
    return this.#call('reuse', { mapping: plain(mapping) });
  }
  tables(mapping: unknown, o: { onProgress?: OnProgress } = {}) {
    return this.#call('tables', { mapping: plain(mapping) }, o.onProgress);
  }
  run(spec: StatsSpec) {
    return this.#call('run', { spec: plain(spec) });
  }
  export(format: ExportFormat, tableId?: string) {
    return this.#call('export', { format, tableId });
  }
  close() {
    this.#lastOpen = null;
    return this.#call('close', {});
  }

  /** Stops the running request (and any queued one): they reject with `engine.cancelled`. */
  cancel(): void {
    const cancelled = [...this.#pending.values()];
    this.#stop({ code: 'engine.cancelled', message: 'cancelled' });
    if (cancelled.some((p) => p.op === 'open')) this.#lastOpen = null;
  }

  /** Terminates the worker for good (leaving the page). */
  dispose(): void {
    this.#lastOpen = null;
    this.#stop({ code: 'engine.cancelled', message: 'the engine was closed' });
  }

  #stop(error: EngineError): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#reopen = this.#lastOpen !== null;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(new LabEngineError(error));
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    worker.onmessage = (event: MessageEvent<EngineResponse>) => this.#receive(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.#stop({ code: 'engine.worker_failed', message: event.message || 'the engine could not start' });
    };
    worker.onmessageerror = () =>
      this.#stop({ code: 'engine.worker_failed', message: 'a message could not be read' });
    this.#worker = worker;
    return worker;
  }

  #receive(r: EngineResponse): void {
    const p = this.#pending.get(r.id);
    if (!p) return;
    if (r.type === 'progress') {
      const event = { op: p.op, stage: r.stage, done: r.done, total: r.total };
      p.onProgress?.(event);
      this.#onProgress?.(event);
      return;
    }
    this.#pending.delete(r.id);
    if (r.type === 'result') p.resolve(r.result);
    else p.reject(new LabEngineError(r.error));
  }

  #send<K extends EngineOp>(
    op: K,
    payload: EngineOps[K]['request'],
    onProgress?: OnProgress,
  ): Promise<EngineOps[K]['result']> {
    const worker = this.#ensureWorker();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { op, resolve: resolve as (v: unknown) => void, reject, onProgress });
      worker.postMessage({ id, op, ...payload } as EngineRequest);
    });
  }

  #call<K extends EngineOp>(
    op: K,
    payload: EngineOps[K]['request'],
    onProgress?: OnProgress,
  ): Promise<EngineOps[K]['result']> {
    if (this.#reopen && op !== 'open' && this.#lastOpen) {
      // after a cancel: a fresh worker reads the last file again before serving the request
      this.#reopen = false;
      void this.#send('open', this.#lastOpen).catch(() => undefined);
    }
    return this.#send(op, payload, onProgress);
  }
}
