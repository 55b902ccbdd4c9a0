// Helpers of the end-to-end benchmark: run a command as its own process, with wall time, CPU time and peak RSS.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = '/usr/bin/time';

/**
 * Runs `cmd args` and resolves with its stdout, wall-clock seconds, CPU seconds (user + system, all threads) and
 * peak RSS in MB (the last two from GNU time, when installed; else null). stderr is passed through when `showStderr` (progress bars), else kept for error messages.
 */
export function runTimed(cmd, args, { cwd, showStderr = false } = {}) {
  const gnuTime = existsSync(TIME);
  const argv = gnuTime ? ['-f', '__rss_kb=%M __cpu=%U+%S', cmd, ...args] : args;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(gnuTime ? TIME : cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => {
      const s = b.toString();
      err += s;
      if (showStderr) process.stderr.write(s.replace(/__rss_kb=\d+ __cpu=[\d.+]+\n?/, ''));
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const m = err.match(/__rss_kb=(\d+) __cpu=([\d.]+)\+([\d.]+)/);
      if (code !== 0)
        return reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${err.slice(-2000)}`));
      resolve({
        stdout: Buffer.concat(out).toString(),
        seconds,
        peakRssMb: m ? Math.round(Number(m[1]) / 1024) : null,
        cpuSeconds: m ? Math.round((Number(m[2]) + Number(m[3])) * 100) / 100 : null,
      });
    });
  });
}

/** Whether R with the survey package can run here. */
export async function hasRSurvey() {
  try {
    await runTimed('Rscript', ['-e', 'suppressMessages(library(survey))']);
    return true;
  } catch {
    return false;
  }
}

/** Rows "domain;term;estimate;se" (R's output) → Map key "domain|term" → [estimate, se]. */
export function parseRRows(text) {
  const m = new Map();
  for (const line of text.trim().split('\n')) {
    const [dom, term, est, se] = line.split(';');
    m.set(`${dom}|${term}`, [Number(est), Number(se)]);
  }
  return m;
}

/** labmig's spec result → the same keys as {@link parseRRows}. */
export function labmigRows(result) {
  const m = new Map();
  for (const r of result.results) {
    for (const e of r.estimates) {
      const dom = Object.entries(e.domain ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      m.set(`${dom}|${e.term}`, [e.estimate, e.se]);
    }
  }
  return m;
}

/** Largest relative differences of estimates and SEs between R's and labmig's rows (every R row must be there). */
export function compareRows(rRows, ours) {
  let est = 0;
  let se = 0;
  for (const [k, [re, rse]] of rRows) {
    const o = ours.get(k);
    if (!o) throw new Error(`bench: labmig has no row ${k}`);
    const rel = (a, b) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
    est = Math.max(est, rel(o[0], re));
    se = Math.max(se, rel(o[1], rse));
  }
  return { rows: rRows.size, max_rel_diff_estimate: est, max_rel_diff_se: se, ok: est < 1e-9 && se < 1e-6 };
}
