// One production build of a checkout at a time. Two `vite build` runs in the same folder write the same
// .svelte-kit/output and build/ and break each other (seen when several engineers or test runs build at once), so a
// build waits for the one before it. The lock is a directory holding the owner's pid; a lock whose owner died is taken
// over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {number} pid */
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
};

/**
 * Blocks until this process holds the build lock of `dir`; returns a function that releases it (it is released
 * anyway when the process exits). Re-entrant within one process.
 * @param {string} dir the web app folder
 * @param {{ timeoutMs?: number, log?: (message: string) => void }} [options]
 * @returns {() => void}
 */
export function acquireBuildLock(dir, { timeoutMs = 15 * 60_000, log = console.warn } = {}) {
  const lock = join(dir, '.svelte-kit.build-lock');
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      const release = () => rmSync(lock, { recursive: true, force: true });
      process.on('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
    if (owner === process.pid) return () => {}; // the config is loaded again by a nested build of this process
    // No pid yet: the owner is between mkdir and write; give it a moment before judging it dead.
    if (owner > 0 && !alive(owner)) rmSync(lock, { recursive: true, force: true });
    else if (Date.now() - started > timeoutMs) throw new Error(`another build still holds ${lock}`);
    else {
      if (!told) log(`waiting for another build of this folder to finish (${lock})`);
      told = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}
