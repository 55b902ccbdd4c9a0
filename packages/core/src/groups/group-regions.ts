import { join } from 'node:path';
import type { Locale } from '../errors/error-messages.ts';
import type { ReferenceDataProblem } from '../observatory/reference-data.rules.ts';
import { countrySchema, m49AreaSchema } from '../observatory/reference-data.schema.ts';
import { readTable } from '../observatory/reference-table.ts';

/** A country's UN M49 sub-region (its region when it has none): code and name in English and French. */
export interface CountryRegion {
  readonly code: string;
  readonly name: Readonly<Record<Locale, string>>;
}

const cache = new Map<string, ReadonlyMap<string, CountryRegion> | null>();

/**
 * The M49 sub-region of every ISO 3166-1 alpha-2 country code, read once per process from the course's reference
 * data (`<contentDir>/data/countries.csv` and `m49-areas.csv`); null when the files are missing or a row is wrong.
 */
export function countryRegions(contentDir: string): ReadonlyMap<string, CountryRegion> | null {
  if (cache.has(contentDir)) return cache.get(contentDir)!;
  let regions: Map<string, CountryRegion> | null = null;
  try {
    const dir = join(contentDir, 'data');
    const problems: ReferenceDataProblem[] = [];
    const countries = readTable(dir, 'countries.csv', countrySchema, problems);
    const m49 = readTable(dir, 'm49-areas.csv', m49AreaSchema, problems);
    if (problems.length === 0 && countries.length > 0) {
      const areas = new Map(m49.map((a) => [a.code, a]));
      regions = new Map();
      for (const c of countries) {
        const area = areas.get(c.sub_region || c.region);
        if (area) regions.set(c.alpha2, { code: area.code, name: { en: area.name_en, fr: area.name_fr } });
      }
    }
  } catch {
    regions = null;
  }
  cache.set(contentDir, regions);
  return regions;
}
