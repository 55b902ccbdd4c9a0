import { join } from 'node:path';
import type { Locale } from '../errors/error-messages.ts';
import { loadReferenceData } from '../observatory/reference-data.loader.ts';

/** A country's UN M49 sub-region (its region when it has none): code and name in English and French. */
export interface CountryRegion {
  readonly code: string;
  readonly name: Readonly<Record<Locale, string>>;
}

const cache = new Map<string, ReadonlyMap<string, CountryRegion> | null>();

/**
 * The M49 sub-region of every ISO 3166-1 alpha-2 country code, read once per process from the course's reference
 * data (`<contentDir>/data`); null when the data is missing or does not pass its checks.
 */
export function countryRegions(contentDir: string): ReadonlyMap<string, CountryRegion> | null {
  if (cache.has(contentDir)) return cache.get(contentDir)!;
  let regions: Map<string, CountryRegion> | null = null;
  try {
    const loaded = loadReferenceData(join(contentDir, 'data'));
    if (loaded.ok) {
      const areas = new Map(loaded.data.m49Areas.map((a) => [a.code, a]));
      regions = new Map();
      for (const c of loaded.data.countries) {
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
