/**
 * R's `uniroot` (Brent's zeroin, as R's C `R_zeroin2`): a root of `f` in [lower, upper], which must bracket one.
 * Replays R's steps exactly, so that step functions (whose "root" is where they jump) give R's answer.
 *
 * @returns the root, or NaN when f(lower) and f(upper) have the same sign (R stops with an error there).
 * @example
 * uniroot((x) => x * x - 2, 0, 2, 1e-10); // 1.4142135623…
 */
export function uniroot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol: number,
  maxit = 1000,
): number {
  const flo = f(lower);
  const fup = f(upper);
  if (Number.isNaN(flo) || Number.isNaN(fup) || flo * fup > 0) return NaN;
  let a = lower;
  let b = upper;
  let fa = flo;
  let fb = fup;
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  const EPS = Number.EPSILON;
  for (let it = 0; it <= maxit; it++) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * EPS * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qq = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1));
        q = (qq - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
