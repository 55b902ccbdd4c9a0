#!/usr/bin/env node
// The `labmig` command. Sources are TypeScript; tsx compiles them on the fly so that
// `npx labmig …` works from a fresh clone without a build step.
// `labmig stats …` runs the statistics engine's CLI as built JavaScript (packages/stats/dist, built by
// `npm install` and rebuilt here when its sources changed): no TypeScript compiler at start-up, so that a
// spec run on a large file spends its time on the data. If that build cannot be made, it runs from TypeScript.
const args = process.argv.slice(2);
let handled = false;
if (args[0] === 'stats') {
  let runStatsCli;
  try {
    const { ensureStatsCli } = await import('@labmig/stats/build');
    ({ runStatsCli } = await import(await ensureStatsCli()));
  } catch (e) {
    process.stderr.write(`labmig stats: running from TypeScript (no built CLI: ${e?.message ?? e})\n`);
  }
  if (runStatsCli) {
    process.exitCode = await runStatsCli(args.slice(1));
    handled = true;
  }
}
if (!handled) {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/main.ts');
  const code = await main(args);
  // A stopped server may leave handles behind (the web app's database pool, timers): exit explicitly.
  // Other commands let pending output drain and exit on their own.
  if (args[0] === 'serve' || args[0] === 'start') process.exit(code);
  process.exitCode = code;
}
