// The observatory's codes in the user's language (messages/observatory/): indicators and breakdowns of the global
// estimates, the country indicators taken from published table sets, the policies of a coherence assessment.
// Every message is referenced statically.
import { m } from '$lib/paraglide/messages';

type Locale = 'en' | 'fr';
type Text = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const INDICATORS: Readonly<Record<string, Text>> = {
  international_migrants: m.obs_ind_international_migrants,
  migrants_working_age: m.obs_ind_migrants_working_age,
  migrant_workers: m.obs_ind_migrant_workers,
  migrant_workers_distribution: m.obs_ind_migrant_workers_distribution,
  non_migrant_workers_distribution: m.obs_ind_non_migrant_workers_distribution,
  migrant_lfpr: m.obs_ind_migrant_lfpr,
  non_migrant_lfpr: m.obs_ind_non_migrant_lfpr,
  migrant_share_of_labour_force: m.obs_ind_migrant_share_of_labour_force,
  migrant_share_of_population_15plus: m.obs_ind_migrant_share_of_population_15plus,
  migrant_unemployment_rate: m.obs_ind_migrant_unemployment_rate,
  non_migrant_unemployment_rate: m.obs_ind_non_migrant_unemployment_rate,
  migrant_employment_to_population_ratio: m.obs_ind_migrant_employment_to_population_ratio,
  migrant_domestic_workers: m.obs_ind_migrant_domestic_workers,
  domestic_workers_share_of_migrant_workers: m.obs_ind_domestic_workers_share_of_migrant_workers,
};

const DIMENSIONS: Readonly<Record<string, Text>> = {
  sex: m.obs_dim_sex,
  income_group: m.obs_dim_income_group,
  region: m.obs_dim_region,
  sector: m.obs_dim_sector,
  age: m.obs_dim_age,
  labour_status: m.obs_dim_labour_status,
};

const CATEGORIES: Readonly<Record<string, Text>> = {
  men: m.obs_cat_men,
  women: m.obs_cat_women,
  high: m.obs_cat_high,
  upper_middle: m.obs_cat_upper_middle,
  lower_middle: m.obs_cat_lower_middle,
  low: m.obs_cat_low,
  africa: m.obs_cat_africa,
  americas: m.obs_cat_americas,
  arab_states: m.obs_cat_arab_states,
  asia_pacific: m.obs_cat_asia_pacific,
  europe_central_asia: m.obs_cat_europe_central_asia,
  nsw_europe: m.obs_cat_nsw_europe,
  northern_america: m.obs_cat_northern_america,
  agriculture: m.obs_cat_agriculture,
  industry: m.obs_cat_industry,
  services: m.obs_cat_services,
  employed: m.obs_cat_employed,
  unemployed: m.obs_cat_unemployed,
};

const COUNTRY_INDICATORS: Readonly<Record<string, Text>> = {
  emp_migrant_share: m.obs_cind_emp_migrant_share,
  lfpr_gap: m.obs_cind_lfpr_gap,
  ur_gap: m.obs_cind_ur_gap,
  lfpr_migrant: m.obs_cind_lfpr_migrant,
  sdg1071_mean: m.obs_cind_sdg1071_mean,
};

const UNITS: Readonly<Record<string, Text>> = {
  millions: m.obs_unit_millions,
  percent: m.obs_unit_percent,
  percentage_points: m.obs_unit_pp,
  ratio: m.obs_unit_months,
};

const AREAS: Readonly<Record<string, Text>> = {
  employment: m.obs_area_employment,
  education: m.obs_area_education,
  migration: m.obs_area_migration,
};

const pick = (table: Readonly<Record<string, Text>>, key: string, locale: Locale) =>
  table[key]?.({}, { locale }) ?? key;

/** An indicator of the global estimates. */
export const indicatorLabel = (code: string, locale: Locale) => pick(INDICATORS, code, locale);
/** A breakdown dimension. */
export const dimensionLabel = (code: string, locale: Locale) => pick(DIMENSIONS, code, locale);
/** A category of a breakdown (age bands are shown as they are: 15-24 → 15–24). */
export const categoryLabel = (code: string, locale: Locale) =>
  /^\d/.test(code) ? code.replace('-', '–') : pick(CATEGORIES, code, locale);
/** A country indicator taken from the published table sets. */
export const countryIndicatorLabel = (code: string, locale: Locale) => pick(COUNTRY_INDICATORS, code, locale);
/** A unit. */
export const unitLabel = (code: string, locale: Locale) => pick(UNITS, code, locale);
/** A policy area of a coherence assessment. */
export const areaLabel = (code: string, locale: Locale) => pick(AREAS, code, locale);
