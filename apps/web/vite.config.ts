import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { acquireBuildLock } from './build-lock.js';

// Workspace packages export TypeScript sources, so they are bundled into the server build;
// native modules stay external and are loaded from node_modules at run time.
export default defineConfig(({ command }) => {
  if (command === 'build') acquireBuildLock(import.meta.dirname);
  return {
    plugins: [
      paraglideVitePlugin({
        project: './project.inlang',
        outdir: './src/lib/paraglide',
        strategy: ['url', 'baseLocale'],
      }),
      sveltekit(),
    ],
    ssr: {
      // yaml too: core reads the Observatory's data files with yaml 2 (packages/core/node_modules), while the root
      // node_modules holds yaml 1 (CommonJS) for other tools; bundled, the server gets the version core declares.
      noExternal: [/^@labmig\//, 'yaml'],
      external: ['better-sqlite3', '@node-rs/argon2', 'pg', 'nodemailer', '@resvg/resvg-js'],
    },
    build: { target: 'es2022' },
    // The Lab's engine worker (src/lib/lab/engine.worker.ts) is an ES module worker, bundled on its own: only the
    // Lab pages that create it load it.
    worker: { format: 'es' },
  };
});
