// CPU tasks for the worker-pool tests: a busy loop that reports progress, and a failing task.
import type { CpuTaskContext } from '../cpu-task.ts';

/** Spins the CPU for `ms` milliseconds (checking the signal only if `cooperative`), reporting progress 4 times. */
export function run(
  input: { ms: number; cooperative?: boolean; fail?: string },
  ctx: CpuTaskContext,
): { spins: number } {
  if (input.fail) throw new RangeError(input.fail);
  const end = Date.now() + input.ms;
  let spins = 0;
  let reported = 0;
  while (Date.now() < end) {
    spins++;
    if (input.cooperative && ctx.signal.aborted) throw new Error('stopped on request');
    const done = 1 - (end - Date.now()) / input.ms;
    if (done >= (reported + 1) / 4) ctx.progress(++reported / 4, { step: reported });
  }
  while (reported < 4) ctx.progress(++reported / 4, { step: reported });
  return { spins };
}
