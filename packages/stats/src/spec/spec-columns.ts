import type { WhereFilter } from '../estimate/estimate.types.ts';
import type { StatsSpec } from './spec.types.ts';

const whereNames = (w: WhereFilter | readonly WhereFilter[] | null | undefined): string[] =>
  w ? (Array.isArray(w) ? (w as WhereFilter[]) : [w as WhereFilter]).flatMap((f) => Object.keys(f)) : [];

/**
 * The data columns a spec reads: design, adjustment, filter, domain and analysis variables and the sources of
 * derived variables (not the derived names themselves). Readers can then leave the other columns out.
 *
 * @example
 * specColumns({ design: { ids: ['psu'], weights: 'w' }, estimate: { kind: 'mean', variables: ['age'], by: ['sex'] } });
 * // ['psu', 'w', 'age', 'sex']
 */
export function specColumns(spec: StatsSpec): string[] {
  const names: string[] = [];
  const d = spec.design;
  names.push(
    ...(d.ids ?? []),
    ...(d.strata ? [d.strata] : []),
    ...(d.weights ? [d.weights] : []),
    ...(d.fpc ?? []),
  );
  names.push(...(d.replicate?.columns ?? []));
  const a = spec.adjust;
  if (a && 'postStratify' in a) names.push(...[a.postStratify.by].flat());
  if (a && 'calibrate' in a)
    names.push(...Object.keys(a.calibrate.totals).filter((k) => k !== '(Intercept)'));
  if (a && 'rake' in a) names.push(...Object.keys(a.rake.margins));
  names.push(...whereNames(spec.where));
  const estimates = Array.isArray(spec.estimate) ? spec.estimate : [spec.estimate];
  for (const e of estimates) {
    names.push(...(e.variables ?? []), ...(e.denominator ? [e.denominator] : []), ...(e.by ?? []));
    names.push(...whereNames(e.where));
  }
  const derived = new Set(Object.keys(spec.derive ?? {}));
  for (const rule of Object.values(spec.derive ?? {}))
    names.push(...(rule.from ? [rule.from] : []), ...(rule.all ?? []));
  return [...new Set(names)].filter((n) => !derived.has(n));
}
