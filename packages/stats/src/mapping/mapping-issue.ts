/** Stable codes of what {@link validateMapping} can find; each has an English and a French message in the web app. */
export type MappingIssueCode =
  | 'required_unset'
  | 'setting_invalid'
  | 'column_not_found'
  | 'column_reused'
  | 'not_numeric'
  | 'weight_missing'
  | 'weight_negative'
  | 'weight_zero'
  | 'design_missing'
  | 'single_psu_stratum'
  | 'age_impossible'
  | 'age_missing'
  | 'lfs_missing'
  | 'code_unknown'
  | 'code_unused'
  | 'code_duplicate'
  | 'code_list_empty'
  | 'home_country_absent'
  | 'year_impossible'
  | 'amount_negative'
  | 'sdg_fields_unset';

/** One example of a problem: a row (1-based) and its value, or a value of the column with its label and count. */
export interface IssueExample {
  readonly row?: number;
  readonly value?: string;
  readonly label?: string;
  readonly count?: number;
}

/** One problem of a mapping on a dataset. `error`s stop the run; `warning`s are for the user to judge. */
export interface MappingIssue {
  readonly code: MappingIssueCode;
  readonly severity: 'error' | 'warning';
  /** Mapping path the issue is about, e.g. `design.weight`, `codes.lfs`, `codes.lfs.employed`. */
  readonly field: string;
  readonly column?: string;
  /** Rows affected (or values, strata, fields: what `examples` lists). */
  readonly count: number;
  /** Up to `maxExamples` examples. */
  readonly examples: readonly IssueExample[];
  /** Details some messages need: `detail` (the engine's English text), `other` (a field), `min`, `max`, `lonelyPsu`. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** What a run with this mapping will produce. */
export interface MappingOutputs {
  /** ILMS core tables by sex and age (the mapping can run). */
  readonly ilms: boolean;
  readonly byEducation: boolean;
  /** Employment by ISIC section, ISCO group and status in employment. */
  readonly byIndustry: boolean;
  readonly byOccupation: boolean;
  readonly byStatus: boolean;
  readonly sdg1071: boolean;
}

/** The report of {@link validateMapping}: what the wizard shows. */
export interface MappingReport {
  readonly rows: number;
  /** No error: the mapping can run. */
  readonly canRun: boolean;
  readonly errors: number;
  readonly warnings: number;
  /** Errors first, then warnings, each in the order of the wizard's roles. */
  readonly issues: readonly MappingIssue[];
  readonly outputs: MappingOutputs;
}

/** Collects issues and examples, keeping at most `maxExamples` examples per issue. */
export class IssueList {
  readonly issues: MappingIssue[] = [];
  readonly maxExamples: number;

  constructor(maxExamples: number) {
    this.maxExamples = maxExamples;
  }

  add(issue: Omit<MappingIssue, 'examples'> & { examples?: readonly IssueExample[] }): void {
    this.issues.push({ ...issue, examples: (issue.examples ?? []).slice(0, this.maxExamples) });
  }

  /** True when an error was recorded for `field` (or, with `prefix`, for a field under it). */
  hasError(field: string, prefix = false): boolean {
    return this.issues.some(
      (i) => i.severity === 'error' && (i.field === field || (prefix && i.field.startsWith(`${field}.`))),
    );
  }

  /**
   * Rows where `bad(i)` holds: their count and the first examples (`row` 1-based, `value` as text).
   *
   * @example
   * list.rowsWhere(3, (i) => i === 1, (i) => String(i)); // { count: 1, examples: [{ row: 2, value: '1' }] }
   */
  rowsWhere(n: number, bad: (i: number) => boolean, show: (i: number) => string) {
    let count = 0;
    const examples: IssueExample[] = [];
    for (let i = 0; i < n; i++) {
      if (!bad(i)) continue;
      count++;
      if (examples.length < this.maxExamples) examples.push({ row: i + 1, value: show(i) });
    }
    return { count, examples };
  }
}
