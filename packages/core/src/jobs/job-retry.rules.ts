/**
 * Delay before the next try after failed attempt `attempt` (1-based): doubles from `baseMs`, capped at `maxMs`.
 * @example retryDelayMs(3, { baseMs: 10_000, maxMs: 3_600_000 }) // 40000
 */
export function retryDelayMs(attempt: number, backoff: { baseMs: number; maxMs: number }): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
}
