// Figures for the benchmark's JSON: latency percentiles per step, machine information, server CPU time.
import { readFileSync } from 'node:fs';
import os from 'node:os';

const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of sorted values (p in (0, 100]). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Per step: requests, errors, p50/p90/p99/max latency in ms (every request counts, failed ones too).
 * @param {import('./learner.js').Sample[]} samples
 * @param {readonly string[]} steps
 */
export function summariseSteps(samples, steps) {
  /** @type {Record<string, object>} */
  const out = {};
  for (const step of steps) {
    const mine = samples.filter((s) => s.step === step);
    const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
    out[step] = {
      requests: mine.length,
      errors: mine.filter((s) => s.error).length,
      p50_ms: ms.length ? round(percentile(ms, 50)) : null,
      p90_ms: ms.length ? round(percentile(ms, 90)) : null,
      p99_ms: ms.length ? round(percentile(ms, 99)) : null,
      max_ms: ms.length ? round(ms[ms.length - 1]) : null,
    };
  }
  return out;
}

/**
 * Requests completed per second over the run: the peak (busiest one-second window) and the mean per 5-second
 * window, so a reader sees how the rush built up and whether the server kept pace.
 * @param {import('./learner.js').Sample[]} samples
 * @param {number} startedAt performance.now() at the start of the timed run
 */
export function throughputTimeline(samples, startedAt) {
  const perSecond = [];
  for (const s of samples) {
    const second = Math.max(0, Math.floor((s.at - startedAt) / 1000));
    perSecond[second] = (perSecond[second] ?? 0) + 1;
  }
  const filled = Array.from(perSecond, (n) => n ?? 0);
  const per5 = [];
  for (let i = 0; i < filled.length; i += 5)
    per5.push(round(filled.slice(i, i + 5).reduce((a, b) => a + b, 0) / 5));
  return { peak_requests_per_second: Math.max(0, ...filled), requests_per_second_by_5s: per5 };
}

/** The most frequent error messages, with counts. */
export function errorKinds(samples, limit = 8) {
  const counts = new Map();
  for (const s of samples)
    if (s.error) counts.set(`${s.step}: ${s.error}`, (counts.get(`${s.step}: ${s.error}`) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).slice(0, limit));
}

/** The 1-, 5- and 15-minute load averages, rounded. */
export const loadAverage = () => os.loadavg().map((x) => round(x, 2));

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line (11 and 12 after the command name), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** What the figures were measured on. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model ?? null,
    memory_gib: round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export { round };
