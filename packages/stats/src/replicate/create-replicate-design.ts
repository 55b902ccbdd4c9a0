import type { Dataset } from '../dataset/dataset.types.ts';
import { designColumn } from '../design/design-index.ts';
import type { Design } from '../design/design.types.ts';
import { replicateDegf } from './replicate-variance.ts';
import type { ReplicateDesign, ReplicateDesignOptions, ReplicateType } from './replicate.types.ts';

const TYPES: readonly ReplicateType[] = ['BRR', 'Fay', 'JK1', 'JKn', 'bootstrap', 'other'];
const FN = 'createReplicateDesign';

function weightColumn(ds: Dataset, name: string, arg: string): Float64Array {
  const col = designColumn(ds, name, FN, arg);
  if (col.kind !== 'numeric') throw new TypeError(`${FN}: ${arg} "${name}" must be numeric, it holds text`);
  for (let i = 0; i < col.values.length; i++) {
    const v = col.values[i];
    if (Number.isNaN(v))
      throw new RangeError(`${FN}: ${arg} "${name}" is missing in row ${i + 1}; weights may not be missing`);
    if (v < 0) throw new RangeError(`${FN}: ${arg} "${name}" is negative in row ${i + 1} (${v})`);
  }
  return col.values;
}

/**
 * A design from replicate weights already in the data (R's `svrepdesign`): balanced repeated replication (`BRR`),
 * Fay's method (`Fay`, with `rho`), jackknives (`JK1`, `JKn`), `bootstrap`, or `other` with your own `scale` and
 * `rscales`. Scale defaults as in R: BRR 1/R, Fay 1/(R(1−ρ)²), bootstrap 1/(R−1), JK1 (R−1)/R, other 1.
 *
 * @throws RangeError/TypeError naming the argument (unknown column, missing or negative weights, rscales of the
 *   wrong length, Fay without rho, JKn or other without the factors they need).
 * @example
 * const d = createReplicateDesign(ds, { weights: 'pw', replicates: ['r1', 'r2', 'r3', 'r4'], type: 'BRR' });
 * d.scale; // 0.25
 */
export function createReplicateDesign(ds: Dataset, options: ReplicateDesignOptions): ReplicateDesign {
  const o = options;
  if (!TYPES.includes(o.type))
    throw new RangeError(`${FN}: type must be one of ${TYPES.join(', ')}, got ${JSON.stringify(o.type)}`);
  if (!Array.isArray(o.replicates) || o.replicates.length < 2)
    throw new RangeError(`${FN}: replicates must name at least two replicate weight columns`);
  const weights = weightColumn(ds, o.weights, 'weights');
  const reps = o.replicates.map((r) => weightColumn(ds, r, 'replicates'));
  const R = reps.length;
  const combined = o.combinedWeights ?? true;
  if (o.type === 'Fay' && !(typeof o.rho === 'number' && o.rho >= 0 && o.rho < 1))
    throw new RangeError(`${FN}: type "Fay" needs rho, a number in [0, 1)`);
  let rscales: Float64Array | null = null;
  if (o.rscales !== undefined) {
    const given = typeof o.rscales === 'number' ? [o.rscales] : o.rscales;
    if (given.length !== 1 && given.length !== R)
      throw new RangeError(
        `${FN}: rscales has ${given.length} values; give one, or one per replicate (${R})`,
      );
    rscales = Float64Array.from({ length: R }, (_, r) => given[given.length === 1 ? 0 : r]);
  }
  let scale = o.scale;
  switch (o.type) {
    case 'BRR':
      scale = 1 / R;
      break;
    case 'Fay':
      scale = 1 / (R * (1 - (o.rho as number)) ** 2);
      break;
    case 'bootstrap':
      scale ??= 1 / (R - 1);
      break;
    case 'JK1':
      // R guesses (n−1)/n with n = the number of replicates for combined weights, 1/max(first column) otherwise
      scale ??= combined ? (R - 1) / R : 1 / maxOf(reps[0]);
      break;
    case 'JKn':
      if (!rscales) {
        if (combined)
          throw new RangeError(
            `${FN}: type "JKn" with combined weights needs rscales ((n_h − 1)/n_h per replicate)`,
          );
        rscales = Float64Array.from(reps, (c) => 1 / maxOf(c));
      }
      break;
    case 'other':
      if (scale === undefined || !rscales)
        throw new RangeError(
          `${FN}: type "other" needs scale and rscales (R would set them to 1 with a warning)`,
        );
      break;
  }
  const design: Omit<ReplicateDesign, 'degf'> = {
    kind: 'replicate',
    dataset: ds,
    n: ds.nrows,
    weights,
    type: o.type,
    base: combined ? new Float64Array(ds.nrows).fill(1) : weights,
    index: null,
    multipliers: reps,
    scale: scale ?? 1,
    rscales: rscales ?? new Float64Array(R).fill(1),
    mse: o.mse ?? false,
    ...(o.type === 'Fay' ? { rho: o.rho } : {}),
  };
  return { ...design, degf: replicateDegf(design as ReplicateDesign) };
}

/** Whether `d` is a replicate-weight design. */
export function isReplicateDesign(d: Design | ReplicateDesign): d is ReplicateDesign {
  return 'kind' in d && d.kind === 'replicate';
}

function maxOf(a: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}
