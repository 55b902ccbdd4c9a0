import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { createTestApp, signUpInput } from '../testing/test-app.ts';
import { createUser, getProfile, signUp, updateProfile } from './account.commands.ts';
import { resolveSession, signIn, signOut } from './session.commands.ts';
import { confirmEmail } from './email-confirmation.commands.ts';
import { DomainValidationError, RateLimitedError, UnauthenticatedError } from '../errors/domain-errors.ts';

const DAY = 86_400_000;

/** Creates account `n` and signs it in. */
async function signedIn(app: Awaited<ReturnType<typeof createTestApp>>, n: number) {
  await createUser(app, signUpInput(n));
  return signIn(
    app,
    { email: `learner${n}@example.org`, password: 'correct horse battery' },
    { ip: '1.1.1.1' },
  );
}

forEachDialect((ctx) => {
  describe('signUp', () => {
    it('creates an unconfirmed account with an argon2id hash, mails a confirmation link and signs nobody in', async () => {
      const app = await createTestApp(ctx);
      const result = await signUp(app, signUpInput(1, { email: '  Learner1@Example.ORG ', country: 'sn' }), {
        ip: '1.1.1.1',
      });
      expect(result).toEqual({ email: 'learner1@example.org' });
      const row = await ctx.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ email: 'learner1@example.org', country: 'SN', email_confirmed_at: null });
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(await ctx.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
      expect(app.sent.map((m) => [m.to, m.kind])).toEqual([['learner1@example.org', 'email-confirmation']]);
      expect(app.sent[0].text).toMatch(/http:\/\/127\.0\.0\.1:3000\/confirm-email\/[0-9a-f]{64}/);
    });

    it('mails a welcome in the person’s language once the address is confirmed, and none for a taken address', async () => {
      const app = await createTestApp(ctx);
      await signUp(app, signUpInput(2, { locale: 'fr' }), { ip: '1.1.1.1' });
      await signUp(app, signUpInput(2), { ip: '1.1.1.1' });
      expect((await app.deliverMail()).map((m) => m.kind)).not.toContain('welcome');
      const token = /confirm-email\/([0-9a-f]{64})/.exec(app.sent[0]!.text)![1]!;
      await confirmEmail(app, { token });
      await confirmEmail(app, { token });
      const welcomes = (await app.deliverMail()).filter((m) => m.kind === 'welcome');
      expect(welcomes.map((m) => [m.to, m.locale])).toEqual([['learner2@example.org', 'fr']]);
      expect(welcomes[0]!.subject).toBe('Bienvenue sur le campus labmig');
      expect(welcomes[0]!.text).toContain('http://127.0.0.1:3000/fr/courses');
      expect(welcomes[0]!.text).not.toContain('correct horse battery');
    });

    it('answers a taken address exactly as a new one, and mails its owner instead of making an account', async () => {
      const app = await createTestApp(ctx);
      await createUser(app, signUpInput(1, { locale: 'fr' }));
      const before = await ctx.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      const taken = await signUp(
        app,
        signUpInput(1, { email: 'LEARNER1@example.org', password: 'an attacker password' }),
        {
          ip: '1.1.1.1',
        },
      );
      const fresh = await signUp(app, signUpInput(2), { ip: '1.1.1.1' });
      expect(Object.keys(taken)).toEqual(Object.keys(fresh));
      expect(taken).toEqual({ email: 'learner1@example.org' });
      // Nothing of the account changed; its owner learns that someone tried, with the ways in.
      expect(
        await ctx.db.selectFrom('users').selectAll().where('id', '=', before.id).executeTakeFirst(),
      ).toEqual(before);
      const mail = app.sent.find((m) => m.to === 'learner1@example.org')!;
      expect(mail).toMatchObject({ kind: 'account-exists', locale: 'fr' });
      expect(mail.text).toContain('http://127.0.0.1:3000/fr/signin');
      expect(mail.text).toContain('http://127.0.0.1:3000/fr/reset');
      await expect(
        signIn(app, { email: 'learner1@example.org', password: 'an attacker password' }, { ip: '1.1.1.1' }),
      ).rejects.toThrow(UnauthenticatedError);
    });

    it('mails the owner of a taken address at most 3 times an hour', async () => {
      const app = await createTestApp(ctx);
      await createUser(app, signUpInput(1));
      for (let i = 0; i < 5; i++) await signUp(app, signUpInput(1), { ip: `1.1.1.${i}` });
      expect(app.sent.filter((m) => m.kind === 'account-exists')).toHaveLength(3);
    });

    it('takes at most 20 sign-ups an hour from one address, even all at once', async () => {
      const app = await createTestApp(ctx);
      const outcomes = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          signUp(app, signUpInput(i), { ip: '5.5.5.5' }).then(
            () => 'ok',
            (e: unknown) => (e instanceof RateLimitedError ? e.code : String(e)),
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(20);
      expect(outcomes.filter((o) => o === 'auth.signup_rate_limited')).toHaveLength(5);
      expect(await ctx.db.selectFrom('users').select('id').execute()).toHaveLength(20);
      await expect(signUp(app, signUpInput(30), { ip: '5.5.5.6' })).resolves.toBeTruthy();
      app.clock.advance(61 * 60_000);
      await expect(signUp(app, signUpInput(31), { ip: '5.5.5.5' })).resolves.toBeTruthy();
    });

    it('rejects bad fields with one message per field', async () => {
      const app = await createTestApp(ctx);
      const error = await signUp(app, signUpInput(1, { email: 'nope', password: 'short', country: 'XX' }), {
        ip: '1.1.1.1',
      }).catch((e) => e);
      expect(error).toBeInstanceOf(DomainValidationError);
      expect(Object.keys(error.fields).sort()).toEqual(['country', 'email', 'password']);
    });
  });

  describe('signIn', () => {
    it('signs in with the right password and refuses a wrong one or an unknown email alike', async () => {
      const app = await createTestApp(ctx);
      await createUser(app, signUpInput(1));
      const grant = await signIn(
        app,
        { email: 'learner1@example.org', password: 'correct horse battery' },
        { ip: '1.1.1.1' },
      );
      expect(grant.user.name).toBe('Learner 1');
      for (const attempt of [
        { email: 'learner1@example.org', password: 'wrong password!' },
        { email: 'nobody@example.org', password: 'correct horse battery' },
      ]) {
        const error = await signIn(app, attempt, { ip: '1.1.1.1' }).catch((e) => e);
        expect(error).toBeInstanceOf(UnauthenticatedError);
        expect(error.code).toBe('auth.invalid_credentials');
      }
    });
  });

  describe('sessions', () => {
    it('slides the expiry forward once half the lifetime has passed, and expires idle sessions', async () => {
      const app = await createTestApp(ctx);
      const { sessionToken } = await signedIn(app, 1);
      app.clock.advance(10 * DAY);
      expect(await resolveSession(app, sessionToken)).toMatchObject({
        refreshed: false,
        expiresAt: new Date('2026-04-09T09:00:00.000Z'),
      });
      app.clock.advance(10 * DAY);
      const refreshed = await resolveSession(app, sessionToken);
      expect(refreshed.refreshed).toBe(true);
      expect(refreshed.expiresAt?.toISOString()).toBe('2026-04-29T09:00:00.000Z');
      app.clock.advance(31 * DAY);
      expect((await resolveSession(app, sessionToken)).actor).toEqual({ kind: 'anonymous' });
      expect(await ctx.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    });

    it('signs out, and treats unknown or missing tokens as anonymous', async () => {
      const app = await createTestApp(ctx);
      const { sessionToken } = await signedIn(app, 1);
      await signOut(app, sessionToken);
      expect((await resolveSession(app, sessionToken)).actor.kind).toBe('anonymous');
      expect((await resolveSession(app, undefined)).actor.kind).toBe('anonymous');
      expect((await resolveSession(app, 'f'.repeat(64))).actor.kind).toBe('anonymous');
    });
  });

  describe('profile', () => {
    it('reads and updates the signed-in user, and refuses anonymous actors', async () => {
      const app = await createTestApp(ctx);
      const { sessionToken } = await signedIn(app, 1);
      const { actor } = await resolveSession(app, sessionToken);
      expect((await getProfile(app, actor)).jobTitle).toBe('Statistician');
      const updated = await updateProfile(app, actor, {
        name: 'Awa',
        country: 'ML',
        organisationType: 'ministry',
        jobTitle: 'Analyst',
        locale: 'fr',
      });
      expect(updated).toMatchObject({
        name: 'Awa',
        country: 'ML',
        organisationType: 'ministry',
        jobTitle: 'Analyst',
        locale: 'fr',
      });
      expect((await resolveSession(app, sessionToken)).actor).toMatchObject({ name: 'Awa', locale: 'fr' });
      await expect(getProfile(app, { kind: 'anonymous' })).rejects.toThrow(UnauthenticatedError);
    });
  });
});
