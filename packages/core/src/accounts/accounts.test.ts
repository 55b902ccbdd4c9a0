import { describe, expect, it } from 'vitest';
import { newId } from '@labmig/db';
import { forEachDialect } from '@labmig/db/testing';
import { createTestApp, signUpInput } from '../testing/test-app.ts';
import { getProfile, signUp, updateProfile } from './account.commands.ts';
import { resolveSession, signIn, signOut } from './session.commands.ts';
import {
  ConflictError,
  DomainValidationError,
  RateLimitedError,
  UnauthenticatedError,
} from '../errors/domain-errors.ts';

const DAY = 86_400_000;

forEachDialect((ctx) => {
  describe('signUp', () => {
    it('creates an account with an argon2id hash and a signed-in session', async () => {
      const app = await createTestApp(ctx);
      const grant = await signUp(app, signUpInput(1, { email: '  Learner1@Example.ORG ', country: 'sn' }), {
        ip: '1.1.1.1',
      });
      expect(grant.user).toMatchObject({
        email: 'learner1@example.org',
        country: 'SN',
        isAdmin: false,
        locale: 'en',
      });
      expect(grant.sessionToken).toMatch(/^[0-9a-f]{64}$/);
      expect(grant.expiresAt.toISOString()).toBe('2026-04-09T09:00:00.000Z');
      const row = await ctx.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const session = await ctx.db.selectFrom('sessions').select('id').executeTakeFirstOrThrow();
      expect(session.id).not.toBe(grant.sessionToken);
      expect(session.id).toMatch(/^[0-9a-f]{64}$/);
      const resolved = await resolveSession(app, grant.sessionToken);
      expect(resolved.actor).toMatchObject({ kind: 'user', email: 'learner1@example.org', isAdmin: false });
    });

    it('mails a welcome in the person’s language once the account exists, and none for a refused sign-up', async () => {
      const app = await createTestApp(ctx);
      await signUp(app, signUpInput(2, { locale: 'fr' }), { ip: '1.1.1.1' });
      await expect(signUp(app, signUpInput(2), { ip: '1.1.1.1' })).rejects.toThrow(ConflictError);
      const sent = await app.deliverMail();
      expect(sent.map((m) => [m.to, m.kind, m.locale])).toEqual([['learner2@example.org', 'welcome', 'fr']]);
      expect(sent[0]!.subject).toBe('Bienvenue sur le campus labmig');
      expect(sent[0]!.text).toContain('https://campus.example.org/fr/courses');
      expect(sent[0]!.text).not.toContain('correct horse battery');
    });

    it('refuses an email that is already taken, whatever its case', async () => {
      const app = await createTestApp(ctx);
      await signUp(app, signUpInput(1), { ip: '1.1.1.1' });
      const error = await signUp(app, signUpInput(1, { email: 'LEARNER1@example.org' }), {
        ip: '1.1.1.1',
      }).catch((e) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.code).toBe('auth.email_taken');
      expect(error.fields).toEqual({ email: 'auth.email_taken' });
      expect(error.localize('fr')).toBe('Un compte existe déjà avec cette adresse e-mail.');
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
      await signUp(app, signUpInput(1), { ip: '1.1.1.1' });
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

    it('blocks an email and IP after 5 failures for 15 minutes, but not another IP', async () => {
      const app = await createTestApp(ctx);
      await signUp(app, signUpInput(1), { ip: '1.1.1.1' });
      const wrong = { email: 'learner1@example.org', password: 'wrong password!' };
      for (let i = 0; i < 5; i++)
        await expect(signIn(app, wrong, { ip: '2.2.2.2' })).rejects.toThrow(UnauthenticatedError);
      const right = { email: 'learner1@example.org', password: 'correct horse battery' };
      const blocked = await signIn(app, right, { ip: '2.2.2.2' }).catch((e) => e);
      expect(blocked).toBeInstanceOf(RateLimitedError);
      expect(blocked.kind).toBe('rate-limited');
      await expect(signIn(app, right, { ip: '3.3.3.3' })).resolves.toMatchObject({
        user: { name: 'Learner 1' },
      });
      app.clock.advance(16 * 60_000);
      await expect(signIn(app, right, { ip: '2.2.2.2' })).resolves.toMatchObject({
        user: { name: 'Learner 1' },
      });
    });
  });

  describe('signIn from one IP across many emails', () => {
    it('blocks the IP after 50 failures in 15 minutes, whatever the email', async () => {
      const app = await createTestApp(ctx);
      await signUp(app, signUpInput(1), { ip: '1.1.1.1' });
      const at = new Date(app.clock.now().getTime() - 60_000).toISOString();
      const rows = Array.from({ length: 49 }, () => ({
        id: newId(),
        key: 'ip|6.6.6.6',
        succeeded: 0,
        created_at: at,
      }));
      await ctx.db.insertInto('login_attempts').values(rows).execute();
      const wrong = { email: 'someone@example.org', password: 'wrong password!' };
      await expect(signIn(app, wrong, { ip: '6.6.6.6' })).rejects.toThrow(UnauthenticatedError);
      const right = { email: 'learner1@example.org', password: 'correct horse battery' };
      await expect(signIn(app, right, { ip: '6.6.6.6' })).rejects.toThrow(RateLimitedError);
      await expect(signIn(app, right, { ip: '7.7.7.7' })).resolves.toMatchObject({
        user: { name: 'Learner 1' },
      });
    });
  });

  describe('sessions', () => {
    it('slides the expiry forward once half the lifetime has passed, and expires idle sessions', async () => {
      const app = await createTestApp(ctx);
      const { sessionToken } = await signUp(app, signUpInput(1), { ip: '1.1.1.1' });
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
      const { sessionToken } = await signUp(app, signUpInput(1), { ip: '1.1.1.1' });
      await signOut(app, sessionToken);
      expect((await resolveSession(app, sessionToken)).actor.kind).toBe('anonymous');
      expect((await resolveSession(app, undefined)).actor.kind).toBe('anonymous');
      expect((await resolveSession(app, 'f'.repeat(64))).actor.kind).toBe('anonymous');
    });
  });

  describe('profile', () => {
    it('reads and updates the signed-in user, and refuses anonymous actors', async () => {
      const app = await createTestApp(ctx);
      const { sessionToken } = await signUp(app, signUpInput(1), { ip: '1.1.1.1' });
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
