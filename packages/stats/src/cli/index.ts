// labmig stats … command-line entry (runStatsCli). Node only: reads files.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { progressBar, type ProgressBar, type ProgressStream } from './progress.ts';
import { describeDataset, type DatasetDescription } from '../dataset/describe-dataset.ts';
import { readDataFile } from '../node.ts';
import { runSpec } from '../spec/run-spec.ts';
import { specColumns } from '../spec/spec-columns.ts';
import { validateSpec } from '../spec/validate-spec.ts';
import { runTablesCommand } from './tables.command.ts';

/** Where the CLI writes. Progress bars go to stderr (redrawn in place when it is a terminal). */
export interface StatsCliIo {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: ProgressStream;
}

const HELP = `labmig stats — survey estimates that match R's survey package

Usage:
  labmig stats run --spec SPEC.json [--no-progress]
                                         run a spec; result JSON on stdout (data path relative to the spec);
                                         steps over 2 s show a progress bar on stderr
  labmig stats describe FILE             variables, types, labels and missing counts of a data file
  labmig stats tables --data FILE --mapping MAPPING.json --out DIR [--format csv,xlsx,ilostat]
                                         ILMS core tables and SDG 10.7.1
  labmig stats --help                    this help

Spec format: see packages/stats/README.md.
`;

async function runCommand(args: string[], out: StatsCliIo): Promise<number> {
  const i = args.indexOf('--spec');
  const specPath = i >= 0 ? args[i + 1] : undefined;
  if (!specPath) {
    out.stderr.write('labmig stats run: --spec SPEC.json is required\n');
    return 2;
  }
  let spec: unknown;
  try {
    spec = JSON.parse(await readFile(specPath, 'utf8'));
  } catch (e) {
    out.stderr.write(`labmig stats run: cannot read spec ${specPath}: ${(e as Error).message}\n`);
    return 2;
  }
  validateSpec(spec);
  if (typeof spec.data !== 'string')
    throw new RangeError('spec.data: the data file (relative to the spec file) is required');
  const quiet = args.includes('--no-progress');
  const progress = (label: string, total: number) =>
    quiet ? { update() {}, end() {} } : progressBar(label, total, out.stderr);
  const dataPath = resolve(dirname(specPath), spec.data);
  const size = await stat(dataPath).then(
    (s) => s.size,
    () => 0,
  );
  const reading = progress(`reading ${basename(dataPath)}`, size);
  // Only the columns the spec uses are converted (the others are skipped while reading).
  const dataset = await readDataFile(dataPath, {
    select: specColumns(spec),
    selectUnknown: 'ignore',
    onProgress: (bytes) => reading.update(bytes),
  });
  reading.end();
  for (const w of dataset.warnings ?? [])
    out.stderr.write(`labmig stats run: ${dataset.source ?? spec.data}: ${w}\n`);
  let current: ProgressBar | null = null;
  const result = runSpec(spec, dataset, {
    onStep: (step, done, total) => {
      if (done === 0) {
        current?.end();
        current = progress(step === 'design' ? 'building the design' : 'estimates', total);
      }
      current?.update(done);
    },
  });
  (current as ProgressBar | null)?.end();
  out.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

async function describeCommand(args: string[], out: StatsCliIo): Promise<number> {
  const json = args.includes('--json');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    out.stderr.write('labmig stats describe: FILE is required (a .csv, .sav, .zsav or .dta file)\n');
    return 2;
  }
  const ds = await readDataFile(file);
  for (const w of ds.warnings ?? []) out.stderr.write(`labmig stats describe: ${ds.source ?? file}: ${w}\n`);
  const description = describeDataset(ds);
  out.stdout.write(json ? `${JSON.stringify(description, null, 2)}\n` : formatDescription(description));
  return 0;
}

/** A plain-text table of the variables, one line each, for a terminal. */
function formatDescription(d: DatasetDescription): string {
  const head = ['variable', 'type', 'missing', 'distinct', 'value labels', 'label'];
  const rows = d.variables.map((v) => [
    v.name,
    v.type,
    String(v.missingCount),
    String(v.distinctCount),
    String(v.valueLabelCount),
    v.label ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const title = `${d.source ?? 'data'}: ${d.nrows} rows, ${d.variables.length} variables`;
  return [title, line(head), ...rows.map(line)].join('\n') + '\n';
}

/**
 * Runs `labmig stats …` with the given arguments (after `stats`).
 *
 * @param args - e.g. `['run', '--spec', 'spec.json']`.
 * @param out - where to write (default: process stdout/stderr).
 * @returns the exit code: 0 on success, 1 on a data or spec error (message on stderr), 2 on a usage error.
 * @example
 * await runStatsCli(['--help']); // 0, usage on stdout
 */
export async function runStatsCli(
  args: string[],
  out: StatsCliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [cmd, ...rest] = args;
  try {
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      out.stdout.write(HELP);
      return cmd ? 0 : 2;
    }
    if (cmd === 'run') return await runCommand(rest, out);
    if (cmd === 'describe') return await describeCommand(rest, out);
    if (cmd === 'tables') return await runTablesCommand(rest, out);
    out.stderr.write(`labmig stats: unknown command "${cmd}". Try labmig stats --help\n`);
    return 2;
  } catch (e) {
    out.stderr.write(`labmig stats ${cmd}: ${(e as Error).message}\n`);
    return 1;
  }
}
