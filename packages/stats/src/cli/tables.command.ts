// labmig stats tables — ILMS core tables and SDG 10.7.1 from a data file and a variable mapping. Node only.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { toCsv } from '../export/export-csv.ts';
import { toIlostatCsv } from '../export/export-ilostat.ts';
import { toTidyJson } from '../export/export-json.ts';
import { toXlsx } from '../export/export-xlsx.ts';
import { MappingError } from '../migration/mapping-error.ts';
import { parseMapping } from '../migration/mapping.parse.ts';
import { criterionCode } from '../migration/ilms-tables.ts';
import { computeMigrationTables } from '../migration/migration-tables.ts';
import { readDataFile } from '../node.ts';

/** Where the command writes; `isTTY` on stderr turns the progress bar on. */
export interface TablesCommandIo {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
}

const FORMATS = ['csv', 'xlsx', 'ilostat', 'json'] as const;
type Format = (typeof FORMATS)[number];
const USAGE =
  'usage: labmig stats tables --data FILE --mapping MAPPING.json --out DIR [--format csv,xlsx,ilostat]\n';

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function progressBar(
  io: TablesCommandIo,
): ((done: number, total: number, label: string) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  return (done, total, label) => {
    const width = 30;
    const filled = Math.round((width * done) / total);
    io.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round((100 * done) / total)}% ${label.padEnd(28)}`,
    );
    if (done >= total) io.stderr.write('\n');
  };
}

/**
 * `labmig stats tables`: reads the data file and the mapping, writes to DIR `tables.json` (tidy JSON, always) and, per
 * `--format` (default `csv,xlsx,ilostat`), one CSV per table, `tables.xlsx` and `ilostat.csv`.
 *
 * @param args - arguments after `tables`.
 * @param io - stdout for the summary, stderr for errors and the progress bar (when a terminal).
 * @returns 0 on success, 1 on a data or mapping error, 2 on a usage error.
 * @example
 * await runTablesCommand(['--data', 'lfs.csv', '--mapping', 'map.json', '--out', 'out'], process); // 0
 */
export async function runTablesCommand(args: string[], io: TablesCommandIo): Promise<number> {
  const data = flag(args, '--data');
  const mappingPath = flag(args, '--mapping');
  const out = flag(args, '--out');
  if (!data || !mappingPath || !out) {
    io.stderr.write(USAGE);
    return 2;
  }
  const formats = (flag(args, '--format') ?? 'csv,xlsx,ilostat')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const bad = formats.find((f) => !FORMATS.includes(f as Format));
  if (bad) {
    io.stderr.write(`labmig stats tables: unknown format "${bad}" (use ${FORMATS.join(', ')})\n${USAGE}`);
    return 2;
  }
  try {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(mappingPath, 'utf8'));
    } catch (e) {
      io.stderr.write(`labmig stats tables: cannot read mapping ${mappingPath}: ${(e as Error).message}\n`);
      return 1;
    }
    const mapping = parseMapping(json);
    const progress = progressBar(io);
    progress?.(0, 5, 'reading data');
    const ds = await readDataFile(data);
    const result = computeMigrationTables(ds, mapping, {
      onProgress: progress ? (d, t, l) => progress(1 + (4 * d) / t, 5, l) : undefined,
    });
    await mkdir(out, { recursive: true });
    const written: string[] = [];
    const put = async (name: string, body: string | Uint8Array) => {
      await writeFile(join(out, name), body);
      written.push(name);
    };
    const meta = {
      data: basename(data),
      mapping: basename(mappingPath),
      homeCountry: mapping.homeCountry,
      surveyYear: mapping.surveyYear,
      migrantCriterion: mapping.migrantCriterion,
      persons: ds.nrows,
      classification: result.classification,
      notAssessed: result.notAssessed,
      sdgEligibility: result.sdgEligibility,
      sdgSkipped: result.sdgSkipped,
    };
    await put('tables.json', toTidyJson(result.tables, meta));
    if (formats.includes('csv')) for (const t of result.tables) await put(`${t.id}.csv`, toCsv(t));
    if (formats.includes('xlsx')) await put('tables.xlsx', toXlsx(result.tables));
    if (formats.includes('ilostat')) {
      await put(
        'ilostat.csv',
        toIlostatCsv(result.tables, {
          refArea: mapping.homeCountry,
          source: mapping.source,
          time: mapping.surveyYear,
          criterion: criterionCode(mapping),
          minWorkingAge: mapping.minWorkingAge,
        }),
      );
    }
    io.stdout.write(
      `labmig stats tables: ${result.tables.length} tables from ${ds.nrows} persons; wrote ${written.length} files to ${out}\n`,
    );
    if (result.sdgSkipped) io.stdout.write(`SDG 10.7.1 skipped: ${result.sdgSkipped}\n`);
    return 0;
  } catch (e) {
    if (
      e instanceof MappingError ||
      e instanceof RangeError ||
      e instanceof TypeError ||
      (e as { code?: unknown }).code !== undefined
    ) {
      io.stderr.write(`labmig stats tables: ${(e as Error).message}\n`);
      return 1;
    }
    throw e;
  }
}
