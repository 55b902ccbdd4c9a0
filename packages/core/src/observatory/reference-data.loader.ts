import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readTable, validate } from './reference-table.ts';
import { checkReferenceData, type ReferenceData, type ReferenceDataProblem } from './reference-data.rules.ts';
import {
  countrySchema,
  editionFileSchema,
  m49AreaSchema,
  sourcesFileSchema,
} from './reference-data.schema.ts';

/** Folder of the ILO global estimates, one YAML file per edition, under the data folder. */
export const GLOBAL_ESTIMATES_DIR = 'ilo-global-estimates';

/** The result of loading the reference data: the data, or every problem found (nothing half-loaded). */
export type LoadReferenceDataResult =
  | { readonly ok: true; readonly data: ReferenceData }
  | { readonly ok: false; readonly problems: readonly ReferenceDataProblem[] };

/**
 * Loads and checks the reference data under `dir` (the project's `content/data`): sources.yaml, one YAML file per
 * edition of the ILO global estimates, countries.csv and m49-areas.csv. Every file is validated with its schema and
 * the whole with {@link checkReferenceData}; any problem means `{ ok: false, problems }`.
 */
export function loadReferenceData(dir: string): LoadReferenceDataResult {
  const problems: ReferenceDataProblem[] = [];
  const sources = validate(
    sourcesFileSchema,
    parse(readFileSync(join(dir, 'sources.yaml'), 'utf8')),
    'sources.yaml',
    problems,
  );
  const editionFiles = readdirSync(join(dir, GLOBAL_ESTIMATES_DIR))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const editions = editionFiles.flatMap((name) => {
    const file = `${GLOBAL_ESTIMATES_DIR}/${name}`;
    const edition = validate(editionFileSchema, parse(readFileSync(join(dir, file), 'utf8')), file, problems);
    if (edition && `${edition.reference_year}.yaml` !== name) {
      problems.push({
        file,
        where: 'reference_year',
        message: `the file of reference year ${edition.reference_year} must be named ${edition.reference_year}.yaml`,
      });
    }
    return edition ? [{ ...edition, file }] : [];
  });
  const countries = readTable(dir, 'countries.csv', countrySchema, problems);
  const m49Areas = readTable(dir, 'm49-areas.csv', m49AreaSchema, problems);
  if (!sources || problems.length > 0) return { ok: false, problems };
  const data: ReferenceData = { sources: sources.sources, editions, countries, m49Areas };
  const checks = checkReferenceData(data);
  return checks.length > 0 ? { ok: false, problems: checks } : { ok: true, data };
}
