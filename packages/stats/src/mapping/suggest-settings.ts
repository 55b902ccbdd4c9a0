import type { ColumnProfile } from './column-profile.ts';
import { normaliseName } from './name-rules.ts';

/** A suggested value for a setting of the mapping, with what it rests on. */
export interface SettingSuggestion {
  readonly field: 'homeCountry' | 'surveyYear';
  readonly value: string | number;
  /**
   * `most_frequent_country`: the most frequent country of birth or citizenship; `survey_year_column`: a year column
   * with one value; `latest_arrival`: the latest year of arrival in the file.
   */
  readonly evidence: 'most_frequent_country' | 'survey_year_column' | 'latest_arrival';
  readonly column: string;
  /** Share of persons with that value (for `most_frequent_country`). */
  readonly share?: number;
}

const YEAR_NAME = /^(survey_|ref(erence)?_)?(year|yr|annee|ano|anio)(_(survey|enquete|encuesta|ref))?$/;

/**
 * The home country: the most frequent value of the country-of-birth (or else citizenship) column, when it is an
 * alpha-3 code held by at least a third of the persons with a value.
 *
 * @example
 * suggestHomeCountry([profileColumn(countryOfBirth)]); // { field: 'homeCountry', value: 'MYS', share: 0.8, … }
 */
export function suggestHomeCountry(
  countries: readonly (ColumnProfile | undefined)[],
): SettingSuggestion | null {
  for (const p of countries) {
    if (!p || p.values.length === 0) continue;
    const top = p.values[0];
    const share = top.count / p.present;
    if (/^[A-Z]{3}$/.test(top.code) && share >= 1 / 3)
      return {
        field: 'homeCountry',
        value: top.code,
        evidence: 'most_frequent_country',
        column: p.name,
        share,
      };
  }
  return null;
}

/**
 * The survey year: a column named like `year` / `annee` / `ano` holding a single year, else the latest year of
 * arrival (a survey counts arrivals up to its own year).
 *
 * @example
 * suggestSurveyYear(profiles, profileColumn(yearOfArrival)); // { field: 'surveyYear', value: 2024, evidence: 'latest_arrival', … }
 */
export function suggestSurveyYear(
  profiles: readonly ColumnProfile[],
  arrival: ColumnProfile | undefined,
): SettingSuggestion | null {
  const isYear = (p: ColumnProfile) => p.kind === 'numeric' && p.integers && p.min >= 1900 && p.max <= 2200;
  const yearColumn = profiles.find(
    (p) => YEAR_NAME.test(normaliseName(p.name)) && isYear(p) && p.min === p.max,
  );
  if (yearColumn)
    return {
      field: 'surveyYear',
      value: yearColumn.min,
      evidence: 'survey_year_column',
      column: yearColumn.name,
    };
  if (arrival && isYear(arrival))
    return { field: 'surveyYear', value: arrival.max, evidence: 'latest_arrival', column: arrival.name };
  return null;
}
