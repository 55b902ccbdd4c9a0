// Progress bars on stderr for the steps of `labmig stats` that take a while. Node only.

/** Where a bar is drawn: a stream, and whether it is a terminal (then the bar redraws in place). */
export interface ProgressStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
}

/** Milliseconds a step runs before its bar appears: quick steps print nothing. */
export const PROGRESS_DELAY_MS = 2000;

/** One step's bar: `update(done)` as work is done (of `total`), `end()` when the step is over. */
export interface ProgressBar {
  update(done: number): void;
  end(): void;
}

/**
 * A progress bar for one step. Nothing is drawn until the step has run {@link PROGRESS_DELAY_MS}; then a terminal
 * gets a bar redrawn in place (`reading lfs.csv [#######.............]  35%  2.4 s`), other streams (logs, CI) one
 * line per 10%. `end()` draws the final state when a bar was shown.
 *
 * @param label - what the step does, e.g. `reading census.csv`.
 * @param total - the amount of work (bytes, estimates); 0 when unknown (the bar then shows the elapsed time only).
 * @example
 * const bar = progressBar('reading big.csv', size, process.stderr);
 * bar.update(bytesRead); … bar.end();
 */
export function progressBar(
  label: string,
  total: number,
  stream: ProgressStream,
  now: () => number = () => performance.now(),
): ProgressBar {
  const t0 = now();
  let shown = false;
  let lastDraw = -Infinity;
  let lastTenth = -1;
  let done = 0;
  const draw = (final: boolean) => {
    const t = now();
    if (!final && t - lastDraw < 100) return;
    lastDraw = t;
    const frac = total > 0 ? Math.min(1, done / total) : final ? 1 : 0;
    const secs = `${((t - t0) / 1000).toFixed(1)} s`;
    if (stream.isTTY) {
      const width = 24;
      const fill = Math.round(frac * width);
      const pct = total > 0 || final ? `${String(Math.round(frac * 100)).padStart(3)}%` : '    ';
      stream.write(
        `\r${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct}  ${secs}${final ? '\n' : ''}`,
      );
    } else {
      const tenth = Math.floor(frac * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label}: ${Math.round(frac * 100)}% (${secs})\n`);
    }
  };
  return {
    update(n: number) {
      done = n;
      if (!shown && now() - t0 < PROGRESS_DELAY_MS) return;
      shown = true;
      draw(false);
    },
    end() {
      done = total;
      if (!shown && now() - t0 < PROGRESS_DELAY_MS) return;
      shown = true;
      draw(true);
    },
  };
}
