/** Throws a TypeError naming the function unless `id` is an ISO 3166-1 numeric code written with three digits. */
export function assertCountryId(fn: string, id: unknown): void {
  if (typeof id !== 'string' || !/^\d{3}$/.test(id)) {
    throw new TypeError(
      `${fn}: country ids are ISO 3166-1 numeric codes with three digits, e.g. "250" (got ${JSON.stringify(id)})`,
    );
  }
}
