// What `npm test` needs that npm cannot install: Debian packages (Chromium, readstat, poppler-utils). Decided from facts about the machine (pure, tested
// in system-deps.test.js), then carried out by test-all.js before any test runs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium: Playwright runs it (never a downloaded browser). */
export const CHROMIUM = '/usr/bin/chromium';

/** The system packages, why they are needed, and the fact that says each is there. */
const PACKAGES = [
  {
    name: 'chromium',
    fact: 'hasChromium',
    why: `the browser tests (Playwright runs ${CHROMIUM})`,
    elsewhere: `Chromium, so that ${CHROMIUM} exists`,
  },
  {
    name: 'readstat',
    fact: 'hasReadstat',
    why: 'the live checks of the SPSS and Stata readers',
    elsewhere: 'ReadStat (https://github.com/WizardMac/ReadStat), so that `readstat` is on the PATH',
  },
  {
    name: 'poppler-utils',
    fact: 'hasPoppler',
    why: 'the certificate PDF tests (they read the PDFs back with pdftotext, pdfinfo, pdffonts, pdftoppm)',
    elsewhere: 'Poppler (its command-line tools), so that `pdftotext` is on the PATH',
  },
];

/**
 * @typedef {{ isRoot: boolean, hasApt: boolean, hasSudo: boolean, hasChromium: boolean, hasReadstat: boolean,
 *   hasPoppler: boolean }} Facts
 * @typedef {{ action: 'none' } | { action: 'install', packages: string[], commands: string[][] } | { action: 'stop', message: string }} Plan
 */

/**
 * What to do about the system packages: nothing when all are there; install the missing ones with apt when running
 * as root on a machine with apt; otherwise stop at once with the exact command to run.
 * @param {Facts} facts
 * @returns {Plan}
 * @example planSystemDeps({ isRoot: true, hasApt: true, hasSudo: false, hasChromium: false, hasReadstat: true, hasPoppler: true })
 * // { action: 'install', packages: ['chromium'], commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', 'chromium']] }
 */
export function planSystemDeps(facts) {
  const missing = PACKAGES.filter((p) => !facts[p.fact]);
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.map((p) => p.name);
  if (facts.isRoot && facts.hasApt)
    return {
      action: 'install',
      packages,
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', ...packages],
      ],
    };
  const needs = missing.map((p) => `  - ${p.name}: ${p.why}`).join('\n');
  const apt = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const how = !facts.hasApt
    ? `This machine has no apt-get (not Debian?). Install ${missing.map((p) => p.elsewhere).join('; and ')}.`
    : facts.hasSudo
      ? `Run:\n\n    sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`
      : `Run as root:\n\n    su -c '${apt}'`;
  return {
    action: 'stop',
    message: `npm test needs what npm cannot install, and cannot install it itself (it does not run as root${
      facts.hasApt ? '' : ' on a machine with apt'
    }):\n${needs}\n\n${how}\n\nThen run npm test again.`,
  };
}

/** @param {string} command */
function onPath(command) {
  return !spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status;
}

/**
 * The facts of this machine.
 * @returns {Facts}
 */
export function readFacts() {
  return {
    isRoot: process.getuid?.() === 0,
    hasApt: onPath('apt-get'),
    hasSudo: onPath('sudo'),
    hasChromium: existsSync(CHROMIUM),
    hasReadstat: onPath('readstat'),
    hasPoppler: onPath('pdftotext'),
  };
}

/**
 * Makes sure the system packages are there before any test runs: installs the missing ones with apt when it may.
 * Returns null when the machine is ready, or the message to stop with (what is missing and the command to run).
 * @param {() => Facts} read the facts of the machine (tests inject them)
 * @param {(command: string[]) => number} exec runs a command, returns its exit status
 * @param {(line: string) => void} log where to say what it installs
 * @returns {string | null}
 */
export function ensureSystemDeps(read = readFacts, exec = runInherited, log = console.log) {
  const plan = planSystemDeps(read());
  if (plan.action === 'none') return null;
  if (plan.action === 'stop') return plan.message;
  log(`\n=== system packages: installing ${plan.packages.join(', ')} with apt`);
  for (const command of plan.commands) {
    const status = exec(command);
    if (status !== 0)
      return `${command.join(' ')} failed (exit ${status}). Run it yourself, then npm test again:\n\n    ${plan.commands
        .map((c) => c.join(' '))
        .join(' && ')}`;
  }
  const after = planSystemDeps(read());
  return after.action === 'none'
    ? null
    : `apt did not install everything npm test needs:\n${JSON.stringify(after)}`;
}

/** @param {string[]} command */
function runInherited([cmd, ...args]) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status ?? 1;
}
