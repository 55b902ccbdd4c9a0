import type { Dataset } from '../dataset/dataset.types.ts';
import type { QualityThresholds } from './cell-estimate.ts';
import { classifyDataset, type IclsRule } from './classify-dataset.ts';
import { buildDesignIndex } from './design-index.ts';
import { computeIlmsTables } from './ilms-tables.ts';
import type { VariableMapping } from './mapping.types.ts';
import { applyMissingCodes } from './missing-codes.ts';
import type { SdgReason } from './sdg-eligibility.rules.ts';
import { computeSdg1071 } from './sdg-1071.ts';
import type { ProgressFn, StatTable } from './table.types.ts';

/** Result of {@link computeMigrationTables}. */
export interface MigrationTables {
  readonly tables: readonly StatTable[];
  /** Persons by ICLS status, per rule (unweighted counts). */
  readonly classification: Readonly<Partial<Record<IclsRule, Readonly<Record<string, number>>>>>;
  readonly notAssessed: Readonly<Partial<Record<IclsRule, readonly string[]>>>;
  /** SDG 10.7.1 eligibility counts, or null when the mapping lacks the SDG columns. */
  readonly sdgEligibility: Readonly<Record<SdgReason, number>> | null;
  /** Why SDG 10.7.1 was skipped, when it was. */
  readonly sdgSkipped: string | null;
}

function statusCounts(ds: Dataset, name: string): Record<string, number> {
  const c = ds.column(name);
  if (c.kind !== 'categorical') return {};
  const n = new Array<number>(c.levels.length).fill(0);
  for (const code of c.codes) if (code >= 0) n[code]++;
  return Object.fromEntries(c.levels.map((l, i) => [l, n[i]]));
}

/**
 * The whole pipeline for a dataset and a variable mapping: ICLS classification → design → ILMS core tables →
 * SDG 10.7.1 (when the mapping has its columns).
 *
 * @throws MappingError naming the mapping field for unusable mappings or data.
 * @example
 * const r = computeMigrationTables(ds, parseMapping(json));
 * r.tables.length; // 23 on lfs_small.csv (no education column)
 */
export function computeMigrationTables(
  ds: Dataset,
  mapping: VariableMapping,
  options: { readonly quality?: QualityThresholds; readonly onProgress?: ProgressFn } = {},
): MigrationTables {
  const progress = options.onProgress;
  progress?.(0, 4, 'classifying');
  const classified = classifyDataset(applyMissingCodes(ds, mapping), mapping);
  const data = classified.dataset;
  progress?.(1, 4, 'design');
  const design = buildDesignIndex(data, mapping.design);
  const ilms = computeIlmsTables(data, design, mapping, {
    quality: options.quality,
    onProgress: (d, t, label) => progress?.(1 + (2 * d) / Math.max(t, 1), 4, label),
  });
  progress?.(3, 4, 'SDG 10.7.1');
  const c = mapping.columns;
  const sdgNeeds = [
    'recruitmentCost',
    'firstMonthEarnings',
    'yearOfArrival',
    'reasonForMigration',
    'statusInEmployment',
  ] as const;
  const missing = sdgNeeds.filter((k) => c[k] === undefined).map((k) => `columns.${k}`);
  if (!mapping.codes.employee) missing.push('codes.employee');
  let sdgTables: StatTable[] = [];
  let sdgEligibility: MigrationTables['sdgEligibility'] = null;
  if (missing.length === 0) {
    const sdg = computeSdg1071(data, design, mapping, { quality: options.quality });
    sdgTables = sdg.tables;
    sdgEligibility = sdg.eligibility;
  }
  progress?.(4, 4, 'done');
  const classification: Partial<Record<IclsRule, Record<string, number>>> = {};
  for (const rule of [
    'icls_migrant',
    'icls_imw',
    'icls_for_work',
    'icls_return_imw',
    'icls_national_abroad',
  ] as const) {
    if (data.has(rule)) classification[rule] = statusCounts(data, rule);
  }
  return {
    tables: [...ilms, ...sdgTables],
    classification,
    notAssessed: classified.notAssessed,
    sdgEligibility,
    sdgSkipped: missing.length ? `mapping lacks ${missing.join(', ')}` : null,
  };
}
