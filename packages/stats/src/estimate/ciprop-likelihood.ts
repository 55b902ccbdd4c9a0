import { normalCdf, normalQuantile, studentTQuantile } from './distributions.ts';
import { approxLinear, seqLength, splineFmm } from './spline-fmm.ts';

/** Inputs of the likelihood interval: the domain's 0/1 values with their weights and a design-variance function. */
export interface LikelihoodInput {
  readonly y: Float64Array;
  readonly w: Float64Array;
  /**
   * Variance of the fitted intercept `beta`: the design variance of its influence values (aligned with `y`) for a
   * Taylor design, or (replicate designs) the replicate variance of the intercept refitted on each replicate.
   */
  readonly variance: (influence: Float64Array, beta: number) => number;
  /** Design degrees of freedom. */
  readonly df: number;
  readonly level: number;
}

const expit = (eta: number) => Math.exp(eta) / (1 + Math.exp(eta));

/**
 * R's `glm.fit` IRLS for an intercept-only logistic model with prior weights `wt`, reproduced step by step because
 * R's answer depends on where it stops: returns the coefficient and the working weights of the last iteration
 * (computed at the previous iterate, as `glm.fit` returns them). From `start` when given (R's `start =`), else
 * from the binomial family's `mustart`.
 */
export function fitIntercept(
  y: Float64Array,
  wt: Float64Array,
  start?: number,
): { beta: number; work: Float64Array } {
  const n = y.length;
  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  const devOf = (m: (i: number) => number) => {
    let d = 0;
    for (let i = 0; i < n; i++) {
      if (wt[i] === 0) continue;
      d += -2 * wt[i] * (y[i] === 1 ? Math.log(m(i)) : Math.log(1 - m(i)));
    }
    return d;
  };
  for (let i = 0; i < n; i++) {
    mu[i] = start === undefined ? (wt[i] * y[i] + 0.5) / (wt[i] + 1) : expit(start);
    eta[i] = start === undefined ? Math.log(mu[i] / (1 - mu[i])) : start;
  }
  let devold = devOf((i) => mu[i]);
  const work = new Float64Array(n);
  let beta = 0;
  for (let iter = 1; iter <= 25; iter++) {
    let swz = 0;
    let sw = 0;
    for (let i = 0; i < n; i++) {
      const me = mu[i] * (1 - mu[i]);
      const z = eta[i] + (y[i] - mu[i]) / me;
      work[i] = wt[i] * me;
      swz += work[i] * z;
      sw += work[i];
    }
    beta = swz / sw;
    const m = expit(beta);
    for (let i = 0; i < n; i++) {
      eta[i] = beta;
      mu[i] = m;
    }
    const dev = devOf(() => m);
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < 1e-8) break;
    devold = dev;
  }
  return { beta, work };
}

/** The intercept-only quasi-binomial `svyglm` as R fits it: coefficient, sandwich variance, naive variance. */
export function svyglmIntercept(input: Pick<LikelihoodInput, 'y' | 'w' | 'variance'>) {
  const { y, w } = input;
  const n = y.length;
  let sw = 0;
  for (let i = 0; i < n; i++) sw += w[i];
  const mean = sw / n;
  const wt = new Float64Array(n);
  let s1 = 0;
  let s0 = 0;
  for (let i = 0; i < n; i++) {
    wt[i] = w[i] / mean; // svyglm rescales weights to mean 1
    if (y[i] === 1) s1 += wt[i];
    else s0 += wt[i];
  }
  const { beta, work } = fitIntercept(y, wt);
  const mu = expit(beta);
  let info = 0;
  for (let i = 0; i < n; i++) info += work[i];
  const naive = 1 / info;
  // svyglm sandwich: estfun = working residual × working weight, variance of naive · Σ estfun
  const est = new Float64Array(n);
  for (let i = 0; i < n; i++) est[i] = naive * ((y[i] - mu) / (mu * (1 - mu))) * work[i];
  const varBeta = input.variance(est, beta);
  return { beta, mu, varBeta, naive, s1, s0, sw };
}

/**
 * R's `svyciprop(method = "likelihood")`: the profile-likelihood interval of the intercept of a quasi-binomial
 * `svyglm`, at the level R adjusts for the design effect (`confint.svyglm`), found as MASS's `profile.glm` /
 * `confint.profile.glm` do (a grid of at most 9 steps each way, an FMM spline, linear inversion).
 *
 * @returns the proportion R reports (from its IRLS fit) and [lower, upper].
 */
export function likelihoodInterval(input: LikelihoodInput): { p: number; ci: [number, number] } {
  const { y, w, df, level } = input;
  const { beta, mu, varBeta, naive, s1, s0, sw } = svyglmIntercept(input);
  const n = y.length;
  const seBeta = Math.sqrt(varBeta);
  const lambda = varBeta / naive;
  const lev = 1 - 2 * normalCdf(studentTQuantile((1 - level) / 2, df) * Math.sqrt(lambda));
  const alpha = (1 - lev) / 4;
  const zmax = studentTQuantile(1 - alpha / 2, n - 1); // sqrt(qf(1 - alpha, 1, n - 1))
  const del = zmax / 5;
  // svyvar of the Pearson residuals (weighted mean ~0, weighted mean square ~1) with the n/(n−1) factor
  let r1 = 0;
  let r2 = 0;
  for (let i = 0; i < n; i++) {
    const r = (y[i] - mu) / Math.sqrt(mu * (1 - mu));
    r1 += w[i] * r;
  }
  const rbar = r1 / sw;
  for (let i = 0; i < n; i++) {
    const r = (y[i] - mu) / Math.sqrt(mu * (1 - mu)) - rbar;
    r2 += w[i] * r * r;
  }
  const dispersion = ((r2 / sw) * n) / (n - 1);
  const dev = (b: number) => {
    const m = expit(b);
    return -2 * (s1 * Math.log(m) + s0 * Math.log(1 - m));
  };
  const dev0 = dev(beta);
  const pts: [number, number][] = [[beta, 0]];
  for (const sgn of [-1, 1]) {
    let z = 0;
    for (let step = 1; step < 10 && Math.abs(z) < zmax; step++) {
      const bi = beta + sgn * step * del * seBeta;
      const zz = Math.max((dev(bi) - dev0) / dispersion, 0);
      z = sgn * Math.sqrt(zz);
      pts.push([bi, z]);
    }
  }
  pts.sort((a, b) => a[0] - b[0]);
  const xs = pts.map((q) => q[0]);
  const zs = pts.map((q) => q[1]);
  const xout = seqLength(xs[0], xs[xs.length - 1], 3 * xs.length);
  const zout = splineFmm(xs, zs, xout);
  const a = (1 - lev) / 2;
  return {
    p: mu,
    ci: [
      expit(approxLinear(zout, xout, normalQuantile(a))),
      expit(approxLinear(zout, xout, normalQuantile(1 - a))),
    ],
  };
}
