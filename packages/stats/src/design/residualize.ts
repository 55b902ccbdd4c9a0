import type { Design, DesignAdjustment } from './design.types.ts';

function postStratifyResidual(a: Extract<DesignAdjustment, { kind: 'poststratify' }>, x: Float64Array): void {
  const num = new Float64Array(a.nGroups);
  const den = new Float64Array(a.nGroups);
  const n = x.length;
  const psw = (i: number) => (a.newWeights[i] === 0 && a.oldWeights[i] === 0 ? 1 : a.newWeights[i]);
  for (let i = 0; i < n; i++) {
    const g = a.group[i];
    num[g] += (x[i] * a.oldWeights[i]) / psw(i);
    den[g] += a.oldWeights[i];
  }
  for (let i = 0; i < n; i++) {
    const g = a.group[i];
    x[i] -= (num[g] / den[g]) * psw(i);
  }
}

function calibrationResidual(a: Extract<DesignAdjustment, { kind: 'calibrate' }>, x: Float64Array): void {
  const n = x.length;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = a.factor[i] === 0 ? 0 : x[i] / a.factor[i];
  // two passes of projection removal keep the residual orthogonal to working precision
  for (let pass = 0; pass < 2; pass++) {
    for (const q of a.basis) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += q[i] * u[i];
      for (let i = 0; i < n; i++) u[i] -= dot * q[i];
    }
  }
  for (let i = 0; i < n; i++) x[i] = u[i] * a.factor[i];
}

function rakeResidual(a: Extract<DesignAdjustment, { kind: 'rake' }>, x: Float64Array): void {
  const n = x.length;
  // R's svyrecvar: ten sweeps of removing, margin by margin, the unweighted group means of x / w
  for (let it = 0; it < 10; it++) {
    for (const m of a.margins) {
      const sum = new Float64Array(m.nGroups);
      const cnt = new Float64Array(m.nGroups);
      for (let i = 0; i < n; i++) {
        sum[m.group[i]] += x[i] / m.weights[i];
        cnt[m.group[i]]++;
      }
      for (let i = 0; i < n; i++) x[i] -= m.weights[i] * (sum[m.group[i]] / cnt[m.group[i]]);
    }
  }
}

/**
 * Removes from influence values (in place, dense, length n) what the design's weight adjustments fix, as R's
 * `svyrecvar` does before computing the variance.
 */
export function residualize(design: Design, x: Float64Array): void {
  for (const a of design.adjustments) {
    if (a.kind === 'poststratify') postStratifyResidual(a, x);
    else if (a.kind === 'calibrate') calibrationResidual(a, x);
    else rakeResidual(a, x);
  }
}
