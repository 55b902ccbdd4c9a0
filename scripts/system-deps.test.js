import { describe, expect, it } from 'vitest';
import { ensureSystemDeps, planSystemDeps } from './system-deps.js';

const facts = (overrides = {}) => ({
  isRoot: true,
  hasApt: true,
  hasSudo: false,
  hasChromium: true,
  hasReadstat: true,
  hasPoppler: true,
  ...overrides,
});

describe('planSystemDeps', () => {
  it('does nothing when Chromium and readstat are there, whoever runs it', () => {
    expect(planSystemDeps(facts())).toEqual({ action: 'none' });
    expect(planSystemDeps(facts({ isRoot: false, hasApt: false }))).toEqual({ action: 'none' });
  });

  it('installs what is missing with apt when it runs as root', () => {
    expect(planSystemDeps(facts({ hasChromium: false }))).toEqual({
      action: 'install',
      packages: ['chromium'],
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', 'chromium'],
      ],
    });
    expect(
      planSystemDeps(facts({ hasChromium: false, hasReadstat: false, hasPoppler: false })),
    ).toMatchObject({
      action: 'install',
      packages: ['chromium', 'readstat', 'poppler-utils'],
    });
  });

  it('stops at once with the exact command when it is not root', () => {
    const plan = planSystemDeps(facts({ isRoot: false, hasSudo: true, hasChromium: false }));
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y chromium');
    expect(plan.message).toContain('/usr/bin/chromium');
    const noSudo = planSystemDeps(facts({ isRoot: false, hasReadstat: false }));
    expect(noSudo.message).toContain("su -c 'apt-get update && apt-get install -y readstat'");
    expect(noSudo.message).toContain('  - readstat: the live checks of the SPSS and Stata readers');
    expect(noSudo.message).not.toContain('  - chromium');
  });

  it('stops at once and says what to install when the machine has no apt', () => {
    const plan = planSystemDeps(facts({ hasApt: false, hasChromium: false, hasReadstat: false }));
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('no apt-get');
    expect(plan.message).toContain('Install Chromium, so that /usr/bin/chromium exists; and ReadStat');
  });
});

describe('ensureSystemDeps', () => {
  it('runs apt as root, then finds the machine ready', () => {
    let installed = false;
    const ran = [];
    const problem = ensureSystemDeps(
      () => facts({ hasChromium: installed, hasReadstat: installed }),
      (command) => {
        ran.push(command.join(' '));
        if (command[1] === 'install') installed = true;
        return 0;
      },
      () => {},
    );
    expect(problem).toBeNull();
    expect(ran).toEqual(['apt-get update', 'apt-get install -y chromium readstat']);
  });

  it('stops with the command when apt fails, and never runs anything when it is not root', () => {
    const failed = ensureSystemDeps(
      () => facts({ hasChromium: false }),
      (command) => (command[1] === 'update' ? 100 : 0),
      () => {},
    );
    expect(failed).toContain('apt-get update failed (exit 100)');
    expect(failed).toContain('apt-get update && apt-get install -y chromium');
    const ran = [];
    const stop = ensureSystemDeps(
      () => facts({ isRoot: false, hasChromium: false }),
      (command) => ran.push(command) && 0,
    );
    expect(stop).toContain('does not run as root');
    expect(ran).toEqual([]);
  });
});
