import type { Dataset } from '../dataset/dataset.types.ts';
import { DEFAULT_QUALITY, type QualityThresholds } from './cell-estimate.ts';
import { buildCube, type CubeDim } from './cube.ts';
import type { DesignIndex } from './design-index.ts';
import { ageDim, educationDim, lfsDim, migrantDim, sexDim, sortedDim, workingAgeMask } from './ilms-dims.ts';
import { countTable, employmentTable, gapTable, rateTable } from './ilms-table-builders.ts';
import { migrantShareOfJobs, migrantShareTables } from './ilms-share-tables.ts';
import type { VariableMapping } from './mapping.types.ts';
import type { ProgressFn, StatTable } from './table.types.ts';

/** Options of {@link computeIlmsTables}. */
export interface IlmsOptions {
  readonly quality?: QualityThresholds;
  readonly onProgress?: ProgressFn;
}

/** ILOSTAT classification of migrant status for the mapping's criterion: CBR (birth), CCT (citizenship), else MIG. */
export function criterionCode(m: VariableMapping): 'CBR' | 'CCT' | 'MIG' {
  return m.migrantCriterion === 'birth' ? 'CBR' : m.migrantCriterion === 'citizenship' ? 'CCT' : 'MIG';
}

function residentMask(ds: Dataset, base: Uint8Array): Uint8Array {
  const col = ds.column('icls_migrant');
  if (col.kind !== 'categorical') return base;
  const out = base.slice();
  const nr = col.levels.indexOf('not_resident');
  if (nr >= 0) for (let i = 0; i < out.length; i++) if (col.codes[i] === nr) out[i] = 0;
  return out;
}

/**
 * The ILMS core tables (domain brief §1.6, §2.4) from a dataset classified by `classifyDataset`:
 * working-age population, labour force, employed, unemployed and outside the labour force by migrant status × sex ×
 * age band (and × education when mapped), as counts; LFPR, EPR and UR (percent) with migrant − non-migrant gaps
 * (percentage points, SE from the linearised difference, covariance included); employment by ISIC section, ISCO major
 * group and status in employment when mapped. Every cell has estimate, SE, CV, CI, unweighted n and flags.
 *
 * @example
 * const tables = computeIlmsTables(classifyDataset(ds, m).dataset, design, m);
 * tables.map((t) => t.id); // ['wap_sex_age', 'lf_sex_age', …, 'emp_sex_eco', …]
 */
export function computeIlmsTables(
  ds: Dataset,
  design: DesignIndex,
  m: VariableMapping,
  o: IlmsOptions = {},
): StatTable[] {
  const q = o.quality ?? DEFAULT_QUALITY;
  const crit = criterionCode(m);
  const { mask: wap, age } = workingAgeMask(ds, m);
  const include = residentMask(ds, wap);
  const mig = migrantDim(ds);
  const sex = sexDim(ds, m);
  const lfs = lfsDim(ds, m);
  const edu = educationDim(ds, m);
  const breakdowns: { key: string; code: string; dim: CubeDim }[] = [
    { key: 'age', code: 'AGE', dim: ageDim(age, m.ageBands) },
  ];
  if (edu) breakdowns.push({ key: 'edu', code: 'EDU', dim: edu });
  const jobs: { key: string; code: string; title: string; column: string | undefined; field: string }[] = [
    {
      key: 'eco',
      code: 'ECO',
      title: 'economic activity (ISIC section)',
      column: m.columns.isic,
      field: 'columns.isic',
    },
    {
      key: 'ocu',
      code: 'OCU',
      title: 'occupation (ISCO major group)',
      column: m.columns.isco,
      field: 'columns.isco',
    },
    {
      key: 'ste',
      code: 'STE',
      title: 'status in employment',
      column: m.columns.statusInEmployment,
      field: 'columns.statusInEmployment',
    },
  ];
  const steps = breakdowns.length + jobs.filter((j) => j.column).length;
  let done = 0;
  const tables: StatTable[] = [];
  // each cube is used up before the next is built: its PSU totals' memory is handed on
  let spare: ArrayBuffer | null = null;
  for (const b of breakdowns) {
    o.onProgress?.(done, steps, `tables by ${b.dim.name}`);
    const dims = [mig, ...(sex ? [sex] : []), b.dim, lfs];
    const cube = buildCube(design, dims, include, [null], spare);
    spare = cube.psuTotals.buffer as ArrayBuffer;
    const sx = sex ? 'SEX_' : '';
    const ctx = { cube, q, crit, sexCode: sx, by: b.code, key: b.key };
    tables.push(...countTable(ctx), ...rateTable(ctx), ...gapTable(ctx), ...migrantShareTables(ctx));
    done++;
  }
  const employed = new Uint8Array(include.length);
  for (let i = 0; i < employed.length; i++) employed[i] = include[i] && lfs.codes[i] === 0 ? 1 : 0;
  for (const j of jobs) {
    if (!j.column) continue;
    o.onProgress?.(done, steps, `employment by ${j.key}`);
    const dim = sortedDim(
      ds,
      j.key === 'eco' ? 'isic' : j.key === 'ocu' ? 'isco' : 'status_in_employment',
      j.column,
      j.field,
    );
    const cube = buildCube(design, [mig, ...(sex ? [sex] : []), dim], employed, [null], spare);
    spare = cube.psuTotals.buffer as ArrayBuffer;
    const ctx = { cube, q, crit, sexCode: sex ? 'SEX_' : '', by: j.code, key: j.key };
    tables.push(employmentTable(ctx, j.title), migrantShareOfJobs(ctx));
    done++;
  }
  o.onProgress?.(done, steps, 'done');
  return tables;
}
