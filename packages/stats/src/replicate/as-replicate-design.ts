import type { Design } from '../design/design.types.ts';
import { replicateDegf } from './replicate-variance.ts';
import { RRandom } from './r-random.ts';
import type { ReplicateDesign } from './replicate.types.ts';

const FN = 'asReplicateDesign';

/** Options of {@link asReplicateDesign} (R's `as.svrepdesign`). */
export interface AsReplicateOptions {
  /** `auto` (R's default): JK1 without strata, JKn with strata. */
  readonly type?: 'auto' | 'JK1' | 'JKn' | 'BRR' | 'Fay' | 'bootstrap';
  /** Fay's rho for type Fay (R's `fay.rho`). */
  readonly rho?: number;
  /** R's `mse`, default false. */
  readonly mse?: boolean;
  /**
   * For BRR and Fay: a Hadamard matrix (rows × columns of 0/1 or −1/+1) with at least strata + 1 rows. By default
   * Sylvester's matrix of the smallest power of two above the number of strata, which is the matrix R's
   * `hadamard()` chooses for up to 15 strata (more strata: R may choose another; give its matrix to match it).
   */
  readonly hadamard?: readonly (readonly number[])[];
  /** For bootstrap: the number of replicates (R's `replicates`, default 50). */
  readonly replicates?: number;
  /**
   * For bootstrap: the seed of R's generator (`set.seed(seed)` before `as.svrepdesign` in R gives the same
   * replicates). Without it a seed is drawn at random and kept in the design's `seed`, so the run can be repeated.
   */
  readonly seed?: number;
}

/** PSUs of the first stage in order of first appearance, with their strata. */
function psuOrder(design: Design): { order: number[]; stratumOf: Int32Array } {
  const st = design.stages[0];
  const seen = new Uint8Array(st.nClusters);
  const order: number[] = [];
  for (let i = 0; i < design.n; i++) {
    const c = st.cluster[i];
    if (!seen[c]) {
      seen[c] = 1;
      order.push(c);
    }
  }
  return { order, stratumOf: st.clusterStratum };
}

/** The first-stage PSUs of each stratum, strata and PSUs in order of first appearance. */
function psusByStratum(design: Design): { order: number[]; byStratum: Map<number, number[]> } {
  const { order, stratumOf } = psuOrder(design);
  const byStratum = new Map<number, number[]>();
  for (const c of order) {
    const h = stratumOf[c];
    if (!byStratum.has(h)) byStratum.set(h, []);
    byStratum.get(h)!.push(c);
  }
  return { order, byStratum };
}

/** (N − n)/N per stratum of the first stage, or 1 without fpc. */
function fpcFactor(design: Design, h: number): number {
  const st = design.stages[0];
  const N = st.stratumPopulation?.[h];
  const n = st.stratumSampled[h];
  return N === undefined || !design.hasFpc ? 1 : (N - n) / N;
}

function jk1(design: Design) {
  const { order } = psuOrder(design);
  const n = order.length;
  const multipliers = order.map((drop) => {
    const m = new Float64Array(design.stages[0].nClusters).fill(n / (n - 1));
    m[drop] = 0;
    return m;
  });
  return { multipliers, rscales: new Float64Array(n).fill(1), scale: (fpcFactor(design, 0) * (n - 1)) / n };
}

function jkn(design: Design) {
  const st = design.stages[0];
  const { order, stratumOf } = psuOrder(design);
  const strata: number[] = [];
  const byStratum = new Map<number, number[]>();
  for (const c of order) {
    const h = stratumOf[c];
    if (!byStratum.has(h)) {
      byStratum.set(h, []);
      strata.push(h);
    }
    byStratum.get(h)!.push(c);
  }
  const multipliers: Float64Array[] = [];
  const rscales: number[] = [];
  const nstrat = strata.length;
  for (const h of strata) {
    const psus = byStratum.get(h)!;
    const nh = psus.length;
    const f = fpcFactor(design, h);
    if (nh === 1 && f !== 0) {
      const rule = design.lonelyPsu;
      if (rule === 'fail')
        throw new RangeError(
          `${FN}: stratum "${st.stratumLabels[h]}" has only one PSU. Choose lonelyPsu "remove", "certainty", "adjust" or "average" in the design.`,
        );
      if (rule === 'adjust') {
        const m = new Float64Array(st.nClusters);
        for (let c = 0; c < m.length; c++) m[c] = stratumOf[c] === h ? 0 : nstrat / (nstrat - 1);
        multipliers.push(m);
        rscales.push((nstrat - 1) / nstrat);
      }
      continue;
    }
    for (const drop of psus) {
      const m = new Float64Array(st.nClusters).fill(1);
      for (const c of psus) m[c] = c === drop ? 0 : nh / (nh - 1);
      multipliers.push(m);
      rscales.push((f * (nh - 1)) / nh);
    }
  }
  if (multipliers.length === 0)
    throw new RangeError(`${FN}: every stratum was sampled exhaustively: there is no sampling variance`);
  const scale =
    design.lonelyPsu === 'average' && multipliers.length < order.length
      ? order.length / multipliers.length
      : 1;
  return { multipliers, rscales: Float64Array.from(rscales), scale };
}

/**
 * R's `bootweights` (Canty and Davison's with-replacement bootstrap of PSUs within strata), draw for draw: strata
 * in order of first appearance; in each, R's `bootstratum` permutes the stratum's PSUs (`sample(unique(psu))`),
 * then for each replicate draws n_h of them with replacement (`sample(upsu, n_h, replace = TRUE)`) or, with an
 * fpc, n_h without replacement from the permuted PSUs repeated to the population size N_h
 * (`sample(rep(upsu, length = N_h), n_h)`). A PSU's multiplier is the number of times it was drawn. The variance
 * factor is H / ((H − 1)(R − 1)), H the harmonic mean of the PSUs per stratum.
 */
function bootstrap(design: Design, replicates: number, rng: RRandom) {
  const st = design.stages[0];
  const { byStratum } = psusByStratum(design);
  const multipliers = Array.from({ length: replicates }, () => new Float64Array(st.nClusters));
  let invSum = 0;
  for (const [h, psus] of byStratum) {
    const n = psus.length;
    if (n < 2)
      throw new RangeError(
        `${FN}: the bootstrap needs 2 or more PSUs per stratum; stratum "${st.stratumLabels[h]}" has 1. Merge it with a neighbour.`,
      );
    invSum += 1 / n;
    const upsu = Array.from(rng.sampleInt(n, n, false), (k) => psus[k]);
    const N = design.hasFpc ? st.stratumPopulation?.[h] : undefined;
    const popsize = N === undefined ? 0 : Math.floor(N);
    if (N !== undefined && popsize < n)
      throw new RangeError(
        `${FN}: the population size of stratum "${st.stratumLabels[h]}" is below its sample size`,
      );
    for (let r = 0; r < replicates; r++) {
      const m = multipliers[r];
      const draws = N === undefined ? rng.sampleInt(n, n, true) : rng.sampleInt(popsize, n, false);
      for (let k = 0; k < n; k++) m[upsu[draws[k] % n]] += 1;
    }
  }
  const H = byStratum.size / invSum;
  return {
    multipliers,
    rscales: new Float64Array(replicates).fill(1),
    scale: H / ((H - 1) * (replicates - 1)),
  };
}

/** Sylvester's Hadamard matrix (0/1 coding, R's `hadamard.doubler` from [[1]]) with at least `rows` rows. */
function sylvester(rows: number): number[][] {
  let H = [[1]];
  while (H.length < rows)
    H = [...H.map((r) => [...r, ...r]), ...H.map((r) => [...r, ...r.map((x) => 1 - x)])];
  return H;
}

/** Paley's construction for a prime p with p + 1 divisible by 4, as R's `paley` (0/1 coding). */
function paley(p: number): number[][] {
  const residues = new Set([0, 1]);
  for (let i = 2; i <= Math.floor((p - 1) / 2); i++) residues.add((i * i) % p);
  const rows = [new Array<number>(p + 1).fill(1)];
  for (let i = 0; i < p; i++)
    rows.push([1, ...Array.from({ length: p }, (_, j) => (residues.has((i + j) % p) ? 0 : 1))]);
  return rows;
}

/**
 * The Hadamard matrix for `n` half-sample pairs: the one R's `hadamard(n)` returns for n ≤ 15 (Sylvester's of 4, 8
 * or 16 rows, Paley's of 12 rows for 8–11 pairs); beyond, Sylvester's of the next power of two.
 *
 * @example
 * hadamardFor(3).length; // 4
 * hadamardFor(9).length; // 12
 */
export function hadamardFor(n: number): number[][] {
  if (n >= 8 && n <= 11) return paley(11);
  return sylvester(Math.max(n + 1, 4));
}

function brr(design: Design, rho: number, given?: readonly (readonly number[])[]) {
  const st = design.stages[0];
  const { byStratum } = psusByStratum(design);
  const label = (h: number) => st.stratumLabels[h];
  // R's brrweights: strata by label (as text); those with more than 2 PSUs are split into pairs first, then the
  // strata of exactly 2; within a stratum, PSUs in order of first appearance alternate between the two half-samples.
  const sorted = [...byStratum.keys()].sort((a, b) =>
    label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0,
  );
  const pairOf = new Int32Array(st.nClusters).fill(-1);
  const first = new Uint8Array(st.nClusters);
  let upto = 0;
  for (const h of sorted) {
    const n = byStratum.get(h)!.length;
    if (n < 2) throw new RangeError(`${FN}: BRR needs 2 PSUs per stratum; stratum "${label(h)}" has 1`);
    if (n > 2 && n % 2 === 1)
      throw new RangeError(
        `${FN}: BRR splits large strata into pairs; stratum "${label(h)}" has an odd number of PSUs (${n})`,
      );
  }
  for (const large of [true, false]) {
    for (const h of sorted) {
      const psus = byStratum.get(h)!;
      if (psus.length > 2 !== large) continue;
      psus.forEach((c, k) => {
        pairOf[c] = upto + (k >> 1);
        first[c] = k % 2 === 0 ? 1 : 0;
      });
      upto += psus.length >> 1;
    }
  }
  const H = given ? given.map((r) => r.map((x) => (x === 1 ? 1 : 0))) : hadamardFor(upto);
  if (H.length < upto + 1)
    throw new RangeError(
      `${FN}: hadamard has ${H.length} rows; it needs at least ${upto + 1} (half-sample pairs + 1)`,
    );
  const R = H[0].length;
  const multipliers: Float64Array[] = [];
  for (let r = 0; r < R; r++) {
    const m = new Float64Array(st.nClusters);
    for (let c = 0; c < m.length; c++) {
      if (pairOf[c] < 0) continue;
      // H = 1 keeps the first PSU of the pair (weights column 2), H = 0 the second
      const keepFirst = H[1 + pairOf[c]][r] === 1;
      const inHalf = keepFirst === (first[c] === 1);
      m[c] = inHalf ? 2 - rho : rho;
    }
    multipliers.push(m);
  }
  return { multipliers, rscales: new Float64Array(R).fill(1), scale: 1 / (R * (1 - rho) ** 2) };
}

/**
 * Replicate weights made from a design's strata and PSUs (R's `as.svrepdesign`): delete-one-PSU jackknives (`JK1`
 * without strata, `JKn` with strata, finite population corrections kept), balanced repeated replication (`BRR`)
 * and Fay's method (`Fay`) for two PSUs per stratum, and the bootstrap (`bootstrap`, drawn with R's own random
 * number generator: the same seed gives R's replicates). Only the first stage is used, as in R.
 *
 * @throws RangeError for a type the design does not allow (JK1 with strata, JKn/BRR/Fay without), a stratum
 *   with one PSU (BRR, or JKn with lonelyPsu "fail"), or adjustments (post-stratify/calibrate/rake) on the design.
 * @example
 * const rep = asReplicateDesign(createDesign(apistrat, { strata: 'stype', weights: 'pw' }), { type: 'JKn' });
 * rep.multipliers.length; // 200 (one replicate per school)
 */
export function asReplicateDesign(design: Design, options: AsReplicateOptions = {}): ReplicateDesign {
  if (design.adjustments.length)
    throw new RangeError(`${FN}: make the replicate design before post-stratifying, calibrating or raking`);
  const stratified = design.stages[0].nStrata > 1;
  let type = options.type ?? 'auto';
  if (type === 'auto') type = stratified ? 'JKn' : 'JK1';
  if (type === 'JK1' && stratified) throw new RangeError(`${FN}: JK1 is for designs without strata; use JKn`);
  if (type !== 'JK1' && type !== 'bootstrap' && !stratified)
    throw new RangeError(`${FN}: ${type} needs strata; use JK1 or bootstrap for an unstratified design`);
  const replicates = options.replicates ?? 50;
  if (type === 'bootstrap' && !(Number.isInteger(replicates) && replicates >= 2))
    throw new RangeError(`${FN}: replicates must be an integer of 2 or more, got ${replicates}`);
  const seed = type === 'bootstrap' ? (options.seed ?? Math.floor(Math.random() * 2 ** 31)) : undefined;
  const rho = type === 'Fay' ? (options.rho ?? 0) : 0;
  if (type === 'Fay' && !(rho >= 0 && rho < 1))
    throw new RangeError(`${FN}: rho must be in [0, 1), got ${rho}`);
  const made =
    type === 'JK1'
      ? jk1(design)
      : type === 'JKn'
        ? jkn(design)
        : type === 'bootstrap'
          ? bootstrap(design, replicates, RRandom.seeded(seed!))
          : brr(design, rho, options.hadamard);
  const d: Omit<ReplicateDesign, 'degf'> = {
    kind: 'replicate',
    dataset: design.dataset,
    n: design.n,
    weights: design.weights,
    type: type === 'Fay' && rho === 0 ? 'BRR' : type,
    base: design.weights,
    index: design.stages[0].cluster,
    multipliers: made.multipliers,
    scale: made.scale,
    rscales: made.rscales,
    mse: options.mse ?? false,
    ...(type === 'Fay' ? { rho } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
  return { ...d, degf: replicateDegf(d as ReplicateDesign) };
}
