// The engine side of the protocol: one handler holding one dataset, answering one request at a time. The worker
// script only wires it to `postMessage`; the tests call it directly in Node.
import {
  checkMappingReuse,
  computeMigrationTables,
  criterionCode,
  overviewDataset,
  parseMapping,
  readMappingFile,
  runSpec,
  suggestColumnCodes,
  suggestMapping,
  toCsv,
  toIlostatCsv,
  toMappingFile,
  toTidyJson,
  toXlsx,
  validateMapping,
  type Dataset,
} from '@labmig/stats';
import { EngineFailure, toEngineError } from './engine-errors.ts';
import { openBlob } from './engine-open.ts';
import type {
  EngineOps,
  EngineRequest,
  EngineResponse,
  EngineStage,
  ExportedFile,
  OpenedDataset,
  TablesResult,
} from './engine-protocol.ts';

/** Sends a response to the page (with the buffers to transfer rather than copy). */
export type PostResponse = (response: EngineResponse, transfer?: Transferable[]) => void;

interface State {
  dataset: Dataset | null;
  opened: OpenedDataset | null;
  tables: TablesResult | null;
}

/** The ILMS steps `computeMigrationTables` reports, as the protocol's stages. */
function stageOf(label: string): EngineStage {
  return label === 'classifying'
    ? 'classifying'
    : label === 'SDG 10.7.1' || label === 'done'
      ? 'sdg'
      : 'tables';
}

function need(state: State): Dataset {
  if (!state.dataset) throw new EngineFailure('engine.no_dataset', 'no dataset is open: open a file first');
  return state.dataset;
}

function computeTables(
  ds: Dataset,
  mapping: unknown,
  progress: (stage: EngineStage, done: number, total: number) => void,
): TablesResult {
  const parsed = parseMapping(readMappingFile(mapping));
  const started = performance.now();
  const at: Partial<Record<EngineStage, number>> = {};
  const result = computeMigrationTables(ds, parsed, {
    onProgress: (done, total, label) => {
      const stage = stageOf(label);
      at[stage] ??= performance.now();
      progress(stage, done, total);
    },
  });
  const end = performance.now();
  const tablesAt = at.tables ?? end;
  const sdgAt = at.sdg ?? end;
  return {
    ...result,
    mapping: parsed,
    timings: {
      classifyMs: tablesAt - started,
      tablesMs: sdgAt - tablesAt,
      sdgMs: end - sdgAt,
      totalMs: end - started,
    },
  };
}

const text = (s: string) => new TextEncoder().encode(s);

function exportTables(
  state: State,
  format: EngineOps['export']['request']['format'],
  tableId?: string,
): ExportedFile {
  const t = state.tables;
  if (!t) throw new EngineFailure('engine.no_tables', 'no tables have been computed: run the tables first');
  const base = (state.opened?.source ?? 'data').replace(/\.[^.]+$/, '');
  const m = t.mapping;
  if (format === 'json') {
    const meta = {
      data: state.opened?.source,
      homeCountry: m.homeCountry,
      surveyYear: m.surveyYear,
      migrantCriterion: m.migrantCriterion,
      persons: state.dataset?.nrows,
      classification: t.classification,
      notAssessed: t.notAssessed,
      sdgEligibility: t.sdgEligibility,
      sdgSkipped: t.sdgSkipped,
    };
    return {
      filename: `${base}-tables.json`,
      type: 'application/json',
      bytes: text(toTidyJson(t.tables, meta)),
    };
  }
  if (format === 'xlsx')
    return {
      filename: `${base}-tables.xlsx`,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: toXlsx(t.tables),
    };
  if (format === 'ilostat') {
    const ctx = {
      refArea: m.homeCountry,
      source: m.source,
      time: m.surveyYear,
      criterion: criterionCode(m),
      minWorkingAge: m.minWorkingAge,
    };
    return { filename: `${base}-ilostat.csv`, type: 'text/csv', bytes: text(toIlostatCsv(t.tables, ctx)) };
  }
  if (format === 'csv') {
    const table = t.tables.find((x) => x.id === tableId);
    if (!table)
      throw new EngineFailure('engine.bad_request', `no table "${String(tableId)}" in the last tables`);
    return { filename: `${base}-${table.id}.csv`, type: 'text/csv', bytes: text(toCsv(table)) };
  }
  throw new EngineFailure('engine.bad_request', `unknown export format "${String(format)}"`);
}

/**
 * The engine's message handler: give it each request the page posts; it answers through `post` with progress
 * events, then one result or one error (a structured {@link EngineError}). Requests are served in order, one at a
 * time; the dataset opened last stays in memory for the next requests.
 *
 * @example
 * const handle = createEngineHandler((r) => console.log(r));
 * handle({ id: 1, op: 'open', file: new Blob(['age,sex\n30,f\n']), name: 'x.csv' });
 * // → { id: 1, type: 'progress', stage: 'reading', … }, { id: 1, type: 'result', result: { rows: 1, … } }
 */
export function createEngineHandler(post: PostResponse): (request: EngineRequest) => Promise<void> {
  const state: State = { dataset: null, opened: null, tables: null };
  let queue: Promise<void> = Promise.resolve();

  async function serve(req: EngineRequest): Promise<{ result: unknown; transfer?: Transferable[] }> {
    const progress = (stage: EngineStage, done: number, total: number) =>
      post({ id: req.id, type: 'progress', stage, done, total });
    switch (req.op) {
      case 'open': {
        state.dataset = state.opened = state.tables = null;
        const source = req.name ?? ((req.file as File).name || 'data');
        const started = performance.now();
        const { dataset, format } = await openBlob(req.file, source, req.options ?? {}, (done, total) =>
          progress('reading', done, total),
        );
        state.dataset = dataset;
        state.opened = {
          source,
          format,
          bytes: req.file.size,
          rows: dataset.nrows,
          variables: dataset.columns.length,
          readMs: performance.now() - started,
        };
        return { result: state.opened };
      }
      case 'overview':
        return {
          result: overviewDataset(need(state), {
            previewRows: req.previewRows,
            maxValueLabels: req.maxValueLabels,
          }),
        };
      case 'suggest':
        return { result: suggestMapping(need(state)) };
      case 'codes':
        return { result: suggestColumnCodes(need(state), req.field, req.column) };
      case 'validate':
        return { result: validateMapping(need(state), req.mapping, { maxExamples: req.maxExamples }) };
      case 'saveMapping':
        return { result: toMappingFile(readMappingFile(req.mapping), need(state)) };
      case 'reuse':
        return { result: checkMappingReuse(need(state), req.mapping) };
      case 'tables':
        state.tables = null;
        state.tables = computeTables(need(state), req.mapping, progress);
        return { result: state.tables };
      case 'run':
        return { result: runSpec(req.spec, need(state)) };
      case 'export': {
        const file = exportTables(state, req.format, req.tableId);
        return { result: file, transfer: [file.bytes.buffer as ArrayBuffer] };
      }
      case 'close':
        state.dataset = state.opened = state.tables = null;
        return { result: null };
      default:
        throw new EngineFailure(
          'engine.bad_request',
          `unknown request "${String((req as { op?: unknown }).op)}"`,
        );
    }
  }

  return (request) => {
    const run = async () => {
      const started = performance.now();
      try {
        const { result, transfer } = await serve(request);
        post({ id: request.id, type: 'result', result, ms: performance.now() - started }, transfer);
      } catch (e) {
        post({ id: request.id, type: 'error', error: toEngineError(e, request.op) });
      }
    };
    queue = queue.then(run);
    return queue;
  };
}
