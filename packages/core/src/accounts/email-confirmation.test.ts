import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { DomainValidationError, RateLimitedError } from '../errors/domain-errors.ts';
import { createTestApp, signUpInput, type TestApp } from '../testing/test-app.ts';
import { getProfile, signUp } from './account.commands.ts';
import { confirmEmail, requestConfirmation, resendConfirmation } from './email-confirmation.commands.ts';
import { resolveSession, signIn } from './session.commands.ts';

/** The confirmation token in a mail. */
function tokenIn(text: string): string {
  const match = /\/confirm-email\/([0-9a-f]{64})/.exec(text);
  if (!match) throw new Error(`no confirmation link in: ${text}`);
  return match[1]!;
}

/** Signs up learner `n` (French when asked) and signs them in; returns their actor and the mailed token. */
async function newLearner(app: TestApp, n: number, locale: 'en' | 'fr' = 'en') {
  await signUp(app, signUpInput(n, { locale }), { ip: '1.1.1.1' });
  const token = tokenIn(app.sent.at(-1)!.text);
  const grant = await signIn(
    app,
    { email: `learner${n}@example.org`, password: 'correct horse battery' },
    { ip: '1.1.1.1' },
  );
  return { token, sessionToken: grant.sessionToken };
}

const actorOf = async (app: TestApp, sessionToken: string) => (await resolveSession(app, sessionToken)).actor;
const confirmed = async (app: TestApp, sessionToken: string) =>
  (await getProfile(app, await actorOf(app, sessionToken))).emailConfirmed;

forEachDialect((ctx) => {
  describe('email confirmation', () => {
    it('mails a link in the learner language that confirms the address, once and for all', async () => {
      const app = await createTestApp(ctx);
      const { token, sessionToken } = await newLearner(app, 1, 'fr');
      expect(app.sent[0]).toMatchObject({
        kind: 'email-confirmation',
        locale: 'fr',
        to: 'learner1@example.org',
      });
      expect(app.sent[0]!.subject).toBe('Confirmez votre adresse électronique');
      expect(app.sent[0]!.text).toContain(`http://127.0.0.1:3000/fr/confirm-email/${token}`);
      expect(await confirmed(app, sessionToken)).toBe(false);

      expect(await confirmEmail(app, { token })).toEqual({
        email: 'learner1@example.org',
        alreadyConfirmed: false,
      });
      expect(await confirmed(app, sessionToken)).toBe(true);
      // A second click (or a mail scanner that came first) finds it done, not an error.
      expect(await confirmEmail(app, { token })).toEqual({
        email: 'learner1@example.org',
        alreadyConfirmed: true,
      });
    });

    it('carries the page to come back to in the link, when it is one of ours', async () => {
      const app = await createTestApp(ctx);
      await signUp(app, signUpInput(1), { ip: '1.1.1.1', next: '/courses/measuring-labour-migration' });
      await signUp(app, signUpInput(2), { ip: '1.1.1.1', next: '//evil.example' });
      expect(app.sent[0]!.text).toMatch(
        /\/confirm-email\/[0-9a-f]{64}\?next=%2Fcourses%2Fmeasuring-labour-migration/,
      );
      expect(app.sent[1]!.text).not.toContain('evil');
    });

    it('refuses an unknown link and an expired one with their own codes', async () => {
      const app = await createTestApp(ctx);
      const { token } = await newLearner(app, 1);
      const unknown = await confirmEmail(app, { token: 'f'.repeat(64) }).catch((e) => e);
      expect(unknown).toBeInstanceOf(DomainValidationError);
      expect(unknown.code).toBe('confirm.invalid');
      app.clock.advance(49 * 60 * 60_000);
      const expired = await confirmEmail(app, { token }).catch((e) => e);
      expect(expired.code).toBe('confirm.expired');
      expect(expired.localize('fr')).toMatch(/a expiré/);
    });

    it('sends a signed-in learner a new link, at most 3 an hour, and none once confirmed', async () => {
      const app = await createTestApp(ctx);
      const { sessionToken } = await newLearner(app, 1);
      const actor = await actorOf(app, sessionToken);
      await resendConfirmation(app, actor);
      await resendConfirmation(app, actor);
      await resendConfirmation(app, actor);
      const fourth = await resendConfirmation(app, actor).catch((e) => e);
      expect(fourth).toBeInstanceOf(RateLimitedError);
      expect(fourth.code).toBe('confirm.rate_limited');
      expect(app.sent).toHaveLength(4);
      // Every link still works: the newest as well as the first.
      await confirmEmail(app, { token: tokenIn(app.sent[3]!.text) });
      expect(await resendConfirmation(app, await actorOf(app, sessionToken))).toEqual({ sent: false });
      expect(app.sent).toHaveLength(4);
    });

    it('sends a link to an address waiting for confirmation, and silently nothing otherwise', async () => {
      const app = await createTestApp(ctx);
      const { token } = await newLearner(app, 1);
      await newLearner(app, 2);
      await confirmEmail(app, { token });
      const before = app.sent.length;
      for (const email of ['learner1@example.org', 'ghost@example.org'])
        await expect(requestConfirmation(app, { email })).resolves.toBeUndefined();
      expect(app.sent).toHaveLength(before);
      await requestConfirmation(app, { email: 'Learner2@example.org' });
      expect(app.sent.at(-1)).toMatchObject({ to: 'learner2@example.org', kind: 'email-confirmation' });
    });
  });
});
