// Stata files written by Stata itself, as Debian ships them in R packages: r-cran-mitools holds ten Stata 7 files
// (release 110, 2002, with variable and value labels), r-cran-readstata13 files of releases 115, 117 and 118
// (Windows-1252 and UTF-8 labels, extended missing values, strL, ±inf doubles). They are GPL-2 data, so they are
// read where the packages installed them rather than copied into the fixtures (the project is Apache-2.0). Values
// are checked against `readstat FILE -`; variable labels and value labels against R's readstata13 (its own C++
// reader, not ReadStat). Without the packages (or without readstat / R) the test says so and skips.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, readDataBytes } from '../../src/io/index.ts';
import { renderReadstatCsv } from './readstat-csv.ts';

const SITE = '/usr/lib/R/site-library';
const DIRS = [`${SITE}/mitools/dta`, `${SITE}/readstata13/extdata`];
const files = DIRS.filter((d) => existsSync(d)).flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.dta'))
    .sort()
    .map((f) => join(d, f)),
);
const has = (cmd: string, args: string[]) => !spawnSync(cmd, args, { encoding: 'utf8' }).error;
const haveReadstat = has('readstat', ['--version']);
const haveR =
  has('Rscript', ['--version']) &&
  spawnSync('Rscript', ['-e', 'library(readstata13); library(jsonlite)'], { encoding: 'utf8' }).status === 0;

const read = (f: string) => {
  const b = new Uint8Array(readFileSync(f));
  return readDataBytes(b, detectFormat(b, f), { source: f });
};

describe('Stata files written by Stata, from Debian packages, against ReadStat', () => {
  if (files.length === 0 || !haveReadstat) {
    it.skip('skipped: needs Debian packages r-cran-mitools or r-cran-readstata13, and readstat', () => {});
    return;
  }
  it('finds the ten Stata 7 (release 110) files of r-cran-mitools', () => {
    const old = files.filter((f) => f.includes('/mitools/'));
    expect(old).toHaveLength(10);
    for (const f of old) expect(readFileSync(f)[0]).toBe(110);
  });
  it.each(files)('%s: every value as `readstat FILE -` writes it', (f) => {
    const out = spawnSync('readstat', [f, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(out.status).toBe(0);
    expect(renderReadstatCsv(read(f))).toBe(out.stdout);
  });
});

interface RReading {
  file: string;
  names: string[];
  varLabels: string[];
  valueLabels: (Record<string, number> | null)[];
}

describe('Stata files written by Stata, from Debian packages, against R readstata13 (labels)', () => {
  if (files.length === 0 || !haveR) {
    it.skip('skipped: needs the Debian packages r-cran-readstata13 and r-cran-jsonlite', () => {});
    return;
  }
  // one R process for every file: names, variable labels, and each variable's value labels (label → code)
  const script = `
    suppressMessages({library(readstata13); library(jsonlite)})
    out <- lapply(commandArgs(trailingOnly = TRUE), function(f) {
      d <- suppressWarnings(read.dta13(f, convert.factors = FALSE, generate.factors = FALSE))
      tables <- attr(d, "label.table"); vl <- attr(d, "val.labels")
      list(file = f, names = I(names(d)), varLabels = I(attr(d, "var.labels")),
           valueLabels = lapply(seq_along(d), function(j) {
             t <- if (nzchar(vl[j])) tables[[vl[j]]] else NULL
             if (is.null(t)) NULL else as.list(setNames(as.numeric(t), names(t)))
           }))
    })
    cat(toJSON(out, auto_unbox = TRUE, null = "null", digits = NA))`;
  const r = spawnSync('Rscript', ['-e', script, ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const readings = new Map<string, RReading>(
    r.status === 0 ? (JSON.parse(r.stdout) as RReading[]).map((x) => [x.file, x]) : [],
  );
  it('R read every file', () => {
    expect(r.stderr).toBe('');
    expect([...readings.keys()]).toEqual(files);
  });
  it.each(files)('%s: names, variable labels and value labels as readstata13 reads them', (f) => {
    const want = readings.get(f)!;
    const ds = read(f);
    expect(ds.columns.map((c) => c.name)).toEqual(want.names);
    expect(ds.columns.map((c) => c.label ?? '')).toEqual(want.varLabels);
    ds.columns.forEach((c, j) => {
      const ours =
        c.kind === 'numeric' && c.valueLabels?.size
          ? Object.fromEntries([...c.valueLabels].map(([k, l]) => [l, k]))
          : null;
      expect(ours, c.name).toEqual(want.valueLabels[j] ?? null);
    });
  });
});
