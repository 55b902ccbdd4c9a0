// The core doors the benchmarks use, as two namespaces (`core`, `assessment`). Import after tsx's register().

/** Loads core's doors: `core` merges app, errors, accounts, cohorts and importer; `assessment` is its own door. */
export async function loadCoreDoors() {
  const core = {
    ...(await import('@labmig/core/app')),
    ...(await import('@labmig/core/errors')),
    ...(await import('@labmig/core/accounts')),
    ...(await import('@labmig/core/cohorts')),
    ...(await import('@labmig/core/importer')),
  };
  return { core, assessment: await import('@labmig/core/assessment') };
}
