// A CPU task that runs the statistics engine in a worker thread (TypeScript sources of another package, loaded
// through tsx), as the Lab's runs will.
import { normalDistQuantile } from '@labmig/stats';

/** The standard normal quantiles of `probabilities`. */
export function run(input: { probabilities: Float64Array }): Float64Array {
  return input.probabilities.map((p) => normalDistQuantile(p));
}
