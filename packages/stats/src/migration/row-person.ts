import type { Dataset } from '../dataset/dataset.types.ts';
import { readTextColumn, type TextColumn } from './column-codes.ts';
import type { VariableMapping } from './mapping.types.ts';
import type { EpisodeAbroad, LfStatus, MigrationReason, Person } from './person.types.ts';

const LFS: readonly LfStatus[] = ['employed', 'unemployed', 'outside_lf'];
const REASONS: readonly MigrationReason[] = ['work', 'seek_work', 'family', 'study', 'asylum', 'other'];

/** Columns already recoded by the caller. */
export interface RecodedInputs {
  readonly age: Float64Array;
  readonly lfs: Int32Array;
  readonly reason: Int32Array | null;
}

/** A reusable {@link Person} view over one row at a time (no allocation per row except citizenships). */
export interface RowPersonReader {
  readonly person: Person;
  load(row: number): void;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function opt(ds: Dataset, col: string | undefined, field: string): TextColumn | null {
  return col === undefined ? null : readTextColumn(ds, col, `columns.${field}`);
}
function textAt(t: TextColumn | null, i: number): string | null {
  if (!t) return null;
  const c = t.codes[i];
  return c < 0 ? null : t.levels[c];
}

/**
 * Builds a reader that fills one mutable Person from row `i` of the dataset, as the mapping says.
 * Unmapped concepts take survey defaults: usual residence = home country and present in it (a survey of usual
 * residents), no excluded category, no labour attachment as a non-resident, no episodes abroad.
 *
 * @example
 * const r = rowPersonReader(ds, mapping, inputs);
 * r.load(0); r.person.ageYears; // age of the first row
 */
export function rowPersonReader(ds: Dataset, m: VariableMapping, inputs: RecodedInputs): RowPersonReader {
  const c = m.columns;
  const yes = new Set(m.codes.yes ?? []);
  const birth = opt(ds, c.countryOfBirth, 'countryOfBirth');
  const cit = opt(ds, c.citizenship, 'citizenship');
  const res = opt(ds, c.usualResidenceCountry, 'usualResidenceCountry');
  const present = opt(ds, c.presentInCountry, 'presentInCountry');
  const prev = opt(ds, c.previousCountryOfResidence, 'previousCountryOfResidence');
  const worked = opt(ds, c.workedAbroad, 'workedAbroad');
  const arrival = c.yearOfArrival ? readTextColumn(ds, c.yearOfArrival, 'columns.yearOfArrival') : null;
  const arrivalYears = arrival ? arrival.levels.map(Number) : [];
  const citLists = cit ? cit.levels.map((l) => Object.freeze([l])) : [];
  const p: Mutable<Person> = {
    ageYears: NaN,
    countryOfBirth: null,
    citizenships: null,
    usualResidenceCountry: m.homeCountry,
    presentInM: true,
    previousUsualResidenceCountry: null,
    yearOfArrival: null,
    reasonForMigration: null,
    lfStatus: null,
    suppliesLabourToResidentUnitOfM: false,
    seekingWorkInM: false,
    excludedCategory: null,
    episodesAbroad: [],
  };
  const noEpisodes: readonly EpisodeAbroad[] = Object.freeze([]);
  return {
    person: p,
    load(i: number): void {
      p.ageYears = inputs.age[i];
      const l = inputs.lfs[i];
      p.lfStatus = l < 0 ? null : LFS[l];
      const r = inputs.reason ? inputs.reason[i] : -1;
      p.reasonForMigration = r < 0 ? null : REASONS[r];
      p.countryOfBirth = textAt(birth, i);
      p.citizenships = cit && cit.codes[i] >= 0 ? citLists[cit.codes[i]] : null;
      if (res) p.usualResidenceCountry = textAt(res, i);
      if (present) p.presentInM = yes.has(textAt(present, i) ?? '');
      p.previousUsualResidenceCountry = textAt(prev, i);
      const a = arrival ? arrival.codes[i] : -1;
      p.yearOfArrival = a < 0 || Number.isNaN(arrivalYears[a]) ? null : arrivalYears[a];
      p.episodesAbroad =
        worked && yes.has(textAt(worked, i) ?? '')
          ? [
              {
                country: p.previousUsualResidenceCountry ?? 'ABROAD',
                lfStatusAbroad: null,
                purposeWork: true,
              },
            ]
          : noEpisodes;
    },
  };
}
