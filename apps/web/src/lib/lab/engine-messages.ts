// The engine's codes in the user's language (messages/lab/): errors, the mapping report, roles, stages, flags.
// Every message is referenced statically, so a page bundles only the Lab messages it can show.
import type { IssueExample, MappingIssue, SdgReason } from '@labmig/stats';
import { numberFormat } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { EngineError, EngineErrorCode, EngineStage } from './engine-protocol.ts';

type Locale = 'en' | 'fr';
type Text = () => string;

const ROLES: Readonly<Record<string, Text>> = {
  weight: m.lab_role_weight,
  strata: m.lab_role_strata,
  psu: m.lab_role_psu,
  lonelyPsu: m.lab_role_lonely_psu,
  age: m.lab_role_age,
  sex: m.lab_role_sex,
  lfs: m.lab_role_lfs,
  education: m.lab_role_education,
  countryOfBirth: m.lab_role_country_of_birth,
  citizenship: m.lab_role_citizenship,
  usualResidenceCountry: m.lab_role_usual_residence_country,
  presentInCountry: m.lab_role_present_in_country,
  previousCountryOfResidence: m.lab_role_previous_country_of_residence,
  yearOfArrival: m.lab_role_year_of_arrival,
  reasonForMigration: m.lab_role_reason_for_migration,
  workedAbroad: m.lab_role_worked_abroad,
  isic: m.lab_role_isic,
  isco: m.lab_role_isco,
  statusInEmployment: m.lab_role_status_in_employment,
  recruitmentCost: m.lab_role_recruitment_cost,
  firstMonthEarnings: m.lab_role_first_month_earnings,
  homeCountry: m.lab_role_home_country,
  surveyYear: m.lab_role_survey_year,
  minWorkingAge: m.lab_role_min_working_age,
  migrantCriterion: m.lab_role_migrant_criterion,
  ageBands: m.lab_role_age_bands,
  source: m.lab_role_source,
  sdg: m.lab_role_sdg,
  employee: m.lab_role_employee,
  yes: m.lab_role_yes,
};

const CONCEPTS: Readonly<Record<string, Text>> = {
  employed: m.lab_concept_employed,
  unemployed: m.lab_concept_unemployed,
  outside_lf: m.lab_concept_outside_lf,
  male: m.lab_concept_male,
  female: m.lab_concept_female,
  work: m.lab_concept_work,
  seek_work: m.lab_concept_seek_work,
  family: m.lab_concept_family,
  study: m.lab_concept_study,
  asylum: m.lab_concept_asylum,
  other: m.lab_concept_other,
  less_than_basic: m.lab_concept_less_than_basic,
  basic: m.lab_concept_basic,
  intermediate: m.lab_concept_intermediate,
  advanced: m.lab_concept_advanced,
  not_stated: m.lab_concept_not_stated,
};

const STAGES: Readonly<Record<EngineStage, Text>> = {
  reading: m.lab_stage_reading,
  classifying: m.lab_stage_classifying,
  tables: m.lab_stage_tables,
  sdg: m.lab_stage_sdg,
  exporting: m.lab_stage_exporting,
};

const FLAGS: Readonly<Record<string, Text>> = {
  small_n: m.lab_flag_small_n,
  high_cv: m.lab_flag_high_cv,
  undefined: m.lab_flag_undefined,
  lonely_psu: m.lab_flag_lonely_psu,
};

/**
 * Every code of the protocol has its message (the type refuses a missing one); codes of readers still to come may be
 * listed ahead.
 */
const ERRORS: { readonly [K in EngineErrorCode]: Text } & Readonly<Partial<Record<string, Text>>> = {
  'file.not_found': m.lab_error_file_not_found,
  'file.empty': m.lab_error_file_empty,
  'file.unsupported_format': m.lab_error_file_unsupported_format,
  'file.truncated': m.lab_error_file_truncated,
  'file.bad_option': m.lab_error_file_bad_option,
  'csv.ragged_row': m.lab_error_csv_ragged_row,
  'csv.unterminated_quote': m.lab_error_csv_unterminated_quote,
  'csv.stray_quote': m.lab_error_csv_stray_quote,
  'csv.duplicate_header': m.lab_error_csv_duplicate_header,
  'csv.not_numeric': m.lab_error_csv_not_numeric,
  'csv.unknown_column': m.lab_error_csv_unknown_column,
  'sav.bad_header': m.lab_error_sav_bad_header,
  'sav.bad_record': m.lab_error_sav_bad_record,
  'sav.bad_data': m.lab_error_sav_bad_data,
  'sav.unsupported': m.lab_error_sav_unsupported,
  'dta.bad_header': m.lab_error_dta_bad_header,
  'dta.bad_section': m.lab_error_dta_bad_section,
  'dta.bad_data': m.lab_error_dta_bad_data,
  'dta.unsupported': m.lab_error_dta_unsupported,
  'parquet.bad_file': m.lab_error_parquet_bad_file,
  'arrow.bad_file': m.lab_error_arrow_bad_file,
  'por.bad_header': m.lab_error_por_bad_header,
  'por.bad_data': m.lab_error_por_bad_data,
  'mapping.invalid': m.lab_error_mapping_invalid,
  'mapping.column_missing': m.lab_error_mapping_column_missing,
  'spec.invalid': m.lab_error_spec_invalid,
  'engine.no_dataset': m.lab_error_engine_no_dataset,
  'engine.no_tables': m.lab_error_engine_no_tables,
  'engine.bad_request': m.lab_error_engine_bad_request,
  'engine.out_of_memory': m.lab_error_engine_out_of_memory,
  'engine.cancelled': m.lab_error_engine_cancelled,
  'engine.worker_failed': m.lab_error_engine_worker_failed,
  'engine.failed': m.lab_error_engine_failed,
};

/** The name of a role or setting of the mapping (`lfs`, `homeCountry`), or the key itself when unknown. */
export function roleLabel(role: string): string {
  return ROLES[role]?.() ?? role;
}

/** A category of a code list (`employed`, `seek_work`), or the key itself (e.g. an education level of the user's). */
export function conceptLabel(concept: string): string {
  return CONCEPTS[concept]?.() ?? concept;
}

/** Stage of a long request, for a progress bar. */
export function stageLabel(stage: EngineStage): string {
  return STAGES[stage]();
}

/** What a quality flag of a table cell means. */
export function flagLabel(flag: string): string {
  return FLAGS[flag]?.() ?? flag;
}

const SDG_REASONS: Readonly<Record<SdgReason, Text>> = {
  SDG_NOT_MIGRANT: m.lab_sdg_not_migrant,
  SDG_NOT_EMPLOYEE: m.lab_sdg_not_employee,
  SDG_NOT_MOVED_FOR_WORK: m.lab_sdg_not_moved_for_work,
  SDG_ARRIVAL_OUTSIDE_WINDOW: m.lab_sdg_arrival_outside_window,
  SDG_COST_MISSING: m.lab_sdg_cost_missing,
  SDG_EARNINGS_MISSING_OR_ZERO: m.lab_sdg_earnings_missing_or_zero,
  SDG_ZERO_COST_EXCLUDED: m.lab_sdg_zero_cost_excluded,
  SDG_ELIGIBLE: m.lab_sdg_eligible,
};

/** The rule of SDG 10.7.1 that a person met (`SDG_NOT_EMPLOYEE` → "migrant, not an employee"), or the code. */
export function sdgReasonLabel(reason: string): string {
  return SDG_REASONS[reason as SdgReason]?.() ?? reason;
}

const LIST_ROLE: Readonly<Record<string, string>> = {
  reasonForMigration: 'reasonForMigration',
  employee: 'employee',
  yes: 'yes',
};

/**
 * A mapping path in words: `columns.countryOfBirth` → "Country of birth", `codes.lfs.employed` → "Labour force
 * status — employed", `missing.age` → "codes read as missing in Age".
 */
export function fieldLabel(field: string): string {
  const [head, key, concept] = field.replace(/\[\d+\]/g, '').split('.');
  if ((head === 'design' || head === 'columns') && key && ROLES[key]) return roleLabel(key);
  if (!key && ROLES[head]) return roleLabel(head);
  if (head === 'sdg' || head === 'ageBands') return roleLabel(head);
  if (head === 'codes' && key) {
    const role = roleLabel(LIST_ROLE[key] ?? key);
    if (concept) return m.lab_field_concept({ role, concept: conceptLabel(concept) });
    return key === 'employee' || key === 'yes' ? role : m.lab_field_codes({ role });
  }
  if (head === 'missing' && key) return m.lab_field_missing({ role: roleLabel(key) });
  return m.lab_field_other({ field });
}

const count = (n: number, locale: Locale) => ({ count: n, n: numberFormat(locale).format(n) });

/**
 * The message of a mapping issue (see `validateMapping` in @labmig/stats), in the user's language.
 *
 * @example
 * issueMessage({ code: 'weight_missing', count: 2, column: 'pw', … }, 'en');
 * // '2 persons have no weight in “pw”. Every person needs a weight: fix the file or drop the rows.'
 */
export function issueMessage(issue: MappingIssue, locale: Locale): string {
  const field = fieldLabel(issue.field);
  const column = issue.column ?? '';
  const p = issue.params ?? {};
  const c = count(issue.count, locale);
  switch (issue.code) {
    case 'required_unset':
      return m.lab_issue_required_unset({ field });
    case 'setting_invalid':
      return m.lab_issue_setting_invalid({ field, detail: String(p.detail ?? '') });
    case 'column_not_found':
      return m.lab_issue_column_not_found({ field, column });
    case 'column_reused':
      return m.lab_issue_column_reused({ field, column, other: fieldLabel(String(p.other)) });
    case 'not_numeric':
      return m.lab_issue_not_numeric({ ...c, field, column });
    case 'weight_missing':
      return m.lab_issue_weight_missing({ ...c, column });
    case 'weight_negative':
      return m.lab_issue_weight_negative({ ...c, column });
    case 'weight_zero':
      return m.lab_issue_weight_zero({ ...c, column });
    case 'design_missing':
      return m.lab_issue_design_missing({ ...c, field, column });
    case 'single_psu_stratum':
      return p.lonelyPsu === 'fail'
        ? m.lab_issue_single_psu_stratum(c)
        : m.lab_issue_single_psu_stratum_handled({ lonelyPsu: String(p.lonelyPsu) });
    case 'age_impossible':
      return m.lab_issue_age_impossible({ ...c, column, min: String(p.min), max: String(p.max) });
    case 'age_missing':
      return m.lab_issue_age_missing(c);
    case 'lfs_missing':
      return m.lab_issue_lfs_missing({ ...c, min: String(p.min) });
    case 'code_unknown':
      return m.lab_issue_code_unknown({ ...c, field });
    case 'code_unused':
      return m.lab_issue_code_unused({ field });
    case 'code_duplicate':
      return m.lab_issue_code_duplicate({
        ...c,
        field,
        concepts: String(p.concepts ?? '')
          .split(', ')
          .map(conceptLabel)
          .join(', '),
      });
    case 'code_list_empty':
      return m.lab_issue_code_list_empty({ field });
    case 'home_country_absent':
      return m.lab_issue_home_country_absent({ home: String(p.home), column });
    case 'year_impossible':
      return m.lab_issue_year_impossible({ ...c, column, min: String(p.min) });
    case 'amount_negative':
      return m.lab_issue_amount_negative({ ...c, column });
    case 'sdg_fields_unset':
      return m.lab_issue_sdg_fields_unset();
  }
}

function exampleText(e: IssueExample, locale: Locale): string {
  if (e.row !== undefined)
    return e.value
      ? m.lab_example_row({ row: String(e.row), value: e.value })
      : m.lab_example_row_empty({ row: String(e.row) });
  const value =
    e.label !== undefined
      ? m.lab_example_value_label({ value: e.value ?? '', label: e.label })
      : m.lab_example_value({ value: e.value ?? '' });
  return e.count !== undefined ? m.lab_example_count({ ...count(e.count, locale), value }) : value;
}

/**
 * The examples of an issue as one line ("Examples: row 3: 999; row 5: -2"), or null when it has none. Close names of
 * a missing column and the unset SDG entries get their own wording.
 */
export function issueExamples(issue: MappingIssue, locale: Locale): string | null {
  if (issue.examples.length === 0) return null;
  if (issue.code === 'column_not_found')
    return m.lab_close_names({ list: issue.examples.map((e) => e.value).join(', ') });
  if (issue.code === 'sdg_fields_unset')
    return issue.examples.map((e) => fieldLabel(e.value ?? '')).join(', ');
  return m.lab_examples({ list: issue.examples.map((e) => exampleText(e, locale)).join('; ') });
}

/**
 * The message of an engine error in the user's language: what went wrong and what to do, then where (line, byte,
 * mapping entry). The engine's own English text is `error.message`, for a details line.
 *
 * @example
 * engineErrorMessage({ code: 'csv.ragged_row', file: 'a.csv', line: 7, message: '…' }, 'fr');
 * // 'Une ligne du fichier CSV n’a pas le même nombre de champs que l’en-tête. … Ligne 7 de a.csv.'
 */
export function engineErrorMessage(error: EngineError, locale: Locale): string {
  const family = error.code.split('.')[0];
  const text =
    ERRORS[error.code] ??
    (family === 'engine' || family === 'mapping' || family === 'spec'
      ? m.lab_error_engine_failed
      : m.lab_error_file_other);
  const file = error.file ?? '';
  const where =
    error.line !== undefined
      ? m.lab_error_at_line({ line: numberFormat(locale).format(error.line), file })
      : error.offset !== undefined
        ? m.lab_error_at_byte({ offset: numberFormat(locale).format(error.offset), file })
        : error.field
          ? m.lab_error_at_field({ field: fieldLabel(error.field) })
          : '';
  return where ? `${text()} ${where}` : text();
}
