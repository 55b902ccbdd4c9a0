/** Throws a TypeError naming the function when a chart gets no data. */
export function assertData(fn: string, data: readonly unknown[]): void {
  if (!Array.isArray(data) || data.length === 0)
    throw new TypeError(`${fn} requires at least one data point`);
}

/** Throws a TypeError naming the function when a value is neither a finite number nor null. */
export function assertFiniteOrNull(fn: string, value: unknown): void {
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new TypeError(
      `${fn}: every value must be a finite number or null for "no data" (got ${String(value)})`,
    );
  }
}
