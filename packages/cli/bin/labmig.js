#!/usr/bin/env node
// The `labmig` command. Sources are TypeScript; tsx compiles them on the fly so that
// `npx labmig …` works from a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
