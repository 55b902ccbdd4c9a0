#!/usr/bin/env node
// The `labmig` command. Sources are TypeScript; tsx compiles them on the fly so that
// `npx labmig …` works from a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
const args = process.argv.slice(2);
const code = await main(args);
// A stopped server may leave handles behind (the web app's database pool, timers): exit explicitly.
// Other commands let pending output drain and exit on their own.
if (args[0] === 'serve' || args[0] === 'start') process.exit(code);
process.exitCode = code;
