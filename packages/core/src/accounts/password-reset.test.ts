import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { createTestApp, signUpInput } from '../testing/test-app.ts';
import { createUser } from './account.commands.ts';
import { requestPasswordReset, resetPassword } from './password-reset.commands.ts';
import { resolveSession, signIn } from './session.commands.ts';
import { DomainValidationError, RateLimitedError, UnauthenticatedError } from '../errors/domain-errors.ts';

function tokenFrom(text: string): string {
  const match = text.match(/\/reset-password\/([0-9a-f]{64})/);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[1];
}

forEachDialect((ctx) => {
  describe('password reset', () => {
    it('mails a link in the user language that sets a new password once and signs out other sessions', async () => {
      const app = await createTestApp(ctx, undefined, { origin: 'https://campus.example.org' });
      await createUser(app, signUpInput(1, { locale: 'fr' }));
      const { sessionToken } = await signIn(
        app,
        { email: 'learner1@example.org', password: 'correct horse battery' },
        { ip: '1.1.1.1' },
      );
      await requestPasswordReset(app, { email: 'Learner1@example.org' });
      expect(app.sent).toHaveLength(1);
      const mail = app.sent[0];
      expect(mail).toMatchObject({ to: 'learner1@example.org', kind: 'password-reset', locale: 'fr' });
      expect(mail.subject).toBe('Réinitialiser votre mot de passe labmig');
      expect(mail.text).toContain('https://campus.example.org/fr/reset-password/');
      expect(mail.text).toContain('60 minutes');
      const token = tokenFrom(mail.text);

      await resetPassword(app, { token, password: 'a brand new secret' });
      await expect(
        signIn(app, { email: 'learner1@example.org', password: 'a brand new secret' }, { ip: '1.1.1.1' }),
      ).resolves.toBeTruthy();
      await expect(
        signIn(app, { email: 'learner1@example.org', password: 'correct horse battery' }, { ip: '1.1.1.1' }),
      ).rejects.toThrow(UnauthenticatedError);
      expect((await resolveSession(app, sessionToken)).actor.kind).toBe('anonymous');

      const reused = await resetPassword(app, { token, password: 'yet another secret' }).catch((e) => e);
      expect(reused).toBeInstanceOf(DomainValidationError);
      expect(reused.code).toBe('reset.invalid');
    });

    it('revokes every other reset link of the user when one is used', async () => {
      const app = await createTestApp(ctx);
      await createUser(app, signUpInput(1));
      await createUser(app, signUpInput(2));
      await requestPasswordReset(app, { email: 'learner1@example.org' });
      await requestPasswordReset(app, { email: 'learner1@example.org' });
      await requestPasswordReset(app, { email: 'learner2@example.org' });
      const [first, second, other] = app.sent.map((m) => tokenFrom(m.text));
      await resetPassword(app, { token: second, password: 'a brand new secret' });
      const older = await resetPassword(app, { token: first, password: 'an attacker secret' }).catch(
        (e) => e,
      );
      expect(older).toBeInstanceOf(DomainValidationError);
      expect(older.code).toBe('reset.invalid');
      await expect(
        signIn(app, { email: 'learner1@example.org', password: 'a brand new secret' }, { ip: '1.1.1.1' }),
      ).resolves.toBeTruthy();
      // Another user's link is theirs alone.
      await expect(
        resetPassword(app, { token: other, password: 'learner two secret' }),
      ).resolves.toMatchObject({
        deviceToken: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('makes the browser that reset the password a known device, so an attack on the account does not hold it up', async () => {
      const app = await createTestApp(ctx);
      await createUser(app, signUpInput(1));
      for (let i = 0; i < 20; i++)
        await signIn(
          app,
          { email: 'learner1@example.org', password: `guess ${i}` },
          { ip: `203.0.113.${i}` },
        ).catch(() => undefined);
      await requestPasswordReset(app, { email: 'learner1@example.org' });
      const { deviceToken } = await resetPassword(app, {
        token: tokenFrom(app.sent[0].text),
        password: 'a brand new secret',
      });
      const fresh = { email: 'learner1@example.org', password: 'a brand new secret' };
      await expect(signIn(app, fresh, { ip: '198.51.100.1' })).rejects.toThrow(RateLimitedError);
      await expect(signIn(app, fresh, { ip: '198.51.100.1', deviceToken })).resolves.toMatchObject({
        user: { name: 'Learner 1' },
      });
    });

    it('mails at most three links per hour to the same account', async () => {
      const app = await createTestApp(ctx);
      await createUser(app, signUpInput(1));
      for (let i = 0; i < 5; i++) await requestPasswordReset(app, { email: 'learner1@example.org' });
      expect(app.sent).toHaveLength(3);
      app.clock.advance(61 * 60_000);
      await requestPasswordReset(app, { email: 'learner1@example.org' });
      expect(app.sent).toHaveLength(4);
    });

    it('says nothing and sends nothing for an unknown email', async () => {
      const app = await createTestApp(ctx);
      await expect(requestPasswordReset(app, { email: 'ghost@example.org' })).resolves.toBeUndefined();
      expect(app.sent).toEqual([]);
    });

    it('refuses an expired link and an unknown token with their own codes', async () => {
      const app = await createTestApp(ctx, undefined, { origin: 'https://campus.example.org' });
      await createUser(app, signUpInput(1));
      await requestPasswordReset(app, { email: 'learner1@example.org' });
      expect(app.sent[0].subject).toBe('Reset your labmig password');
      expect(app.sent[0].text).toContain('https://campus.example.org/reset-password/');
      app.clock.advance(61 * 60_000);
      const expired = await resetPassword(app, {
        token: tokenFrom(app.sent[0].text),
        password: 'a brand new secret',
      }).catch((e) => e);
      expect(expired.code).toBe('reset.expired');
      expect(expired.localize('en')).toMatch(/expired/);
      const unknown = await resetPassword(app, { token: 'abc', password: 'a brand new secret' }).catch(
        (e) => e,
      );
      expect(unknown.code).toBe('reset.invalid');
    });
  });
});
