import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { RateLimitedError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { createTestApp, signUpInput } from '../testing/test-app.ts';
import { createUser } from './account.commands.ts';
import { signIn } from './session.commands.ts';

const RIGHT = 'correct horse battery';

/** Outcome of a sign-in attempt: 'ok', 'wrong' (the password was checked) or 'limited' (it was not). */
async function attempt(
  app: Awaited<ReturnType<typeof createTestApp>>,
  email: string,
  password: string,
  ip: string,
  deviceToken?: string,
): Promise<'ok' | 'wrong' | 'limited'> {
  try {
    await signIn(app, { email, password }, { ip, ...(deviceToken ? { deviceToken } : {}) });
    return 'ok';
  } catch (error) {
    if (error instanceof RateLimitedError) return 'limited';
    if (error instanceof UnauthenticatedError) return 'wrong';
    throw error;
  }
}

/** Creates account `n` and signs it in from `ip`; returns the device token of that browser. */
async function knownBrowser(
  app: Awaited<ReturnType<typeof createTestApp>>,
  n: number,
  ip: string,
): Promise<string> {
  await createUser(app, signUpInput(n));
  return (await signIn(app, { email: `learner${n}@example.org`, password: RIGHT }, { ip })).deviceToken;
}

const tally = (outcomes: readonly string[]) =>
  outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});

forEachDialect((ctx) => {
  describe('sign-in limits under concurrency', () => {
    it('checks 5 of 40 parallel wrong passwords for one account and refuses the other 35 without checking', async () => {
      const app = await createTestApp(ctx);
      await createUser(app, signUpInput(1));
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          attempt(app, 'learner1@example.org', `wrong password ${i}`, '9.9.9.9'),
        ),
      );
      expect(tally(outcomes)).toEqual({ wrong: 5, limited: 35 });
      // The right password from that address waits too: the limit counted every attempt it let through.
      expect(await attempt(app, 'learner1@example.org', RIGHT, '9.9.9.9')).toBe('limited');
    });

    it('checks 50 of 60 parallel wrong passwords sprayed over 60 accounts from one address', async () => {
      const app = await createTestApp(ctx);
      const outcomes = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          attempt(app, `person${i}@example.org`, 'Summer2026!', '6.6.6.6'),
        ),
      );
      expect(tally(outcomes)).toEqual({ wrong: 50, limited: 10 });
    });
  });

  describe('sign-in limits that do not lock the wrong people out', () => {
    it('lets a colleague behind the same address in while someone else fails on their own account', async () => {
      const app = await createTestApp(ctx);
      await createUser(app, signUpInput(1));
      await createUser(app, signUpInput(2));
      for (let i = 0; i < 8; i++) await attempt(app, 'learner2@example.org', 'not my password', '10.0.0.1');
      for (let i = 0; i < 10; i++) await attempt(app, `typo${i}@example.org`, 'not my password', '10.0.0.1');
      expect(await attempt(app, 'learner2@example.org', RIGHT, '10.0.0.1')).toBe('limited');
      expect(await attempt(app, 'learner1@example.org', RIGHT, '10.0.0.1')).toBe('ok');
    });

    it('keeps a known browser working when an attacker with many addresses fills the account ceiling', async () => {
      const app = await createTestApp(ctx);
      const deviceToken = await knownBrowser(app, 1, '1.1.1.1');
      const outcomes = [];
      for (let i = 0; i < 25; i++)
        outcomes.push(await attempt(app, 'learner1@example.org', `guess ${i}`, `203.0.113.${i}`));
      expect(tally(outcomes)).toEqual({ wrong: 20, limited: 5 });
      // A new browser (even with the right password) waits; the owner's own browser does not.
      expect(await attempt(app, 'learner1@example.org', RIGHT, '198.51.100.7')).toBe('limited');
      expect(await attempt(app, 'learner1@example.org', RIGHT, '198.51.100.7', deviceToken)).toBe('ok');
      // Another account's device cookie counts for nothing.
      const other = await knownBrowser(app, 2, '1.1.1.1');
      expect(await attempt(app, 'learner1@example.org', RIGHT, '198.51.100.7', other)).toBe('limited');
    });

    it('keeps a known browser working behind an address that sprays passwords', async () => {
      const app = await createTestApp(ctx);
      const deviceToken = await knownBrowser(app, 1, '6.6.6.6');
      for (let i = 0; i < 50; i++) await attempt(app, `person${i}@example.org`, 'Summer2026!', '6.6.6.6');
      expect(await attempt(app, 'learner1@example.org', RIGHT, '6.6.6.6')).toBe('limited');
      expect(await attempt(app, 'learner1@example.org', RIGHT, '6.6.6.6', deviceToken)).toBe('ok');
    });

    it('limits wrong passwords from a known browser on its own', async () => {
      const app = await createTestApp(ctx);
      const deviceToken = await knownBrowser(app, 1, '1.1.1.1');
      const outcomes = [];
      for (let i = 0; i < 6; i++)
        outcomes.push(await attempt(app, 'learner1@example.org', `guess ${i}`, '1.1.1.1', deviceToken));
      expect(tally(outcomes)).toEqual({ wrong: 5, limited: 1 });
      expect(await attempt(app, 'learner1@example.org', RIGHT, '1.1.1.1', deviceToken)).toBe('limited');
    });

    it('clears the failures of an account and address on success, and forgets them after 15 minutes', async () => {
      const app = await createTestApp(ctx);
      await createUser(app, signUpInput(1));
      for (let i = 0; i < 4; i++) await attempt(app, 'learner1@example.org', `guess ${i}`, '2.2.2.2');
      expect(await attempt(app, 'learner1@example.org', RIGHT, '2.2.2.2')).toBe('ok');
      const after = [];
      for (let i = 0; i < 6; i++)
        after.push(await attempt(app, 'learner1@example.org', `guess ${i}`, '2.2.2.2'));
      expect(tally(after)).toEqual({ wrong: 5, limited: 1 });
      expect(await attempt(app, 'learner1@example.org', RIGHT, '3.3.3.3')).toBe('ok');
      app.clock.advance(16 * 60_000);
      expect(await attempt(app, 'learner1@example.org', RIGHT, '2.2.2.2')).toBe('ok');
    });
  });
});
