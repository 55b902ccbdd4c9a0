import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { createTestApp } from '../testing/test-app.ts';
import { createUser } from './account.commands.ts';
import {
  changePassword,
  checkEmailChange,
  checkUnsubscribe,
  confirmEmailChange,
  requestEmailChange,
  setReminders,
  unsubscribeFromReminders,
} from './account-settings.commands.ts';
import { mailSecretOf, signUnsubscribe, verifyUnsubscribe } from './mail-secret.ts';
import { resolveSession, signIn } from './session.commands.ts';
import { actorOf } from './user.present.ts';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

const PASSWORD = 'correct horse battery';
const input = {
  name: 'Sara Saleh',
  email: 'sara@example.org',
  password: PASSWORD,
  country: 'JO',
  organisationType: 'nso' as const,
  jobTitle: 'Statistician',
  locale: 'en' as const,
};

describe('unsubscribe signatures', () => {
  it('verify for the same person, purpose and secret only', () => {
    const token = signUnsubscribe('secret-a', 'user-1', 'reminders');
    expect(verifyUnsubscribe('secret-a', 'user-1', 'reminders', token)).toBe(true);
    expect(verifyUnsubscribe('secret-a', 'user-2', 'reminders', token)).toBe(false);
    expect(verifyUnsubscribe('secret-b', 'user-1', 'reminders', token)).toBe(false);
    expect(verifyUnsubscribe('secret-a', 'user-1', 'reminders', token.slice(1))).toBe(false);
    expect(verifyUnsubscribe('secret-a', 'user-1', 'reminders', '')).toBe(false);
  });
});

forEachDialect((ctx) => {
  async function signedUp() {
    const app = await createTestApp(ctx);
    await createUser(app, input);
    const grant = await signIn(app, input, { ip: '10.0.0.1' });
    const user = await ctx.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    (await app.deliverMail()).length = 0;
    return { app, actor: actorOf(user), session: grant.sessionToken };
  }

  describe('changePassword', () => {
    it('needs the current password, signs out every other session but this one, and mails a notice', async () => {
      const { app, actor, session } = await signedUp();
      const other = await signIn(app, { email: input.email, password: PASSWORD }, { ip: '10.0.0.2' });
      expect(
        await codeOf(
          changePassword(app, actor, { currentPassword: 'wrong one', newPassword: 'a new long password' }),
        ),
      ).toBe('password.current_wrong');
      await changePassword(
        app,
        actor,
        { currentPassword: PASSWORD, newPassword: 'a new long password' },
        { sessionToken: session },
      );
      expect((await resolveSession(app, session)).actor.kind).toBe('user');
      expect((await resolveSession(app, other.sessionToken)).actor.kind).toBe('anonymous');
      expect(await codeOf(signIn(app, { email: input.email, password: PASSWORD }, { ip: '10.0.0.3' }))).toBe(
        'auth.invalid_credentials',
      );
      await signIn(app, { email: input.email, password: 'a new long password' }, { ip: '10.0.0.3' });
      expect((await app.deliverMail()).map((m) => [m.to, m.kind])).toEqual([
        [input.email, 'password-changed'],
      ]);
      const events = await ctx.db.selectFrom('audit_events').select(['action', 'actor_user_id']).execute();
      expect(events).toEqual([{ action: 'user.password_changed', actor_user_id: actor.userId }]);
    });
  });

  describe('email change', () => {
    it('mails a link to the new address and a notice to the old one; the address changes only when confirmed', async () => {
      const { app, actor } = await signedUp();
      await requestEmailChange(app, actor, { email: 'Sara.New@Example.org', currentPassword: PASSWORD });
      expect((await app.deliverMail()).map((m) => [m.to, m.kind])).toEqual([
        ['sara.new@example.org', 'email-change-confirm'],
        ['sara@example.org', 'email-change-notice'],
      ]);
      expect((await app.deliverMail())[1]!.text).toContain('sara.new@example.org');
      const token = /confirm-email-change\/([0-9a-f]{64})/.exec((await app.deliverMail())[0]!.text)![1]!;
      const email = async () =>
        (await ctx.db.selectFrom('users').select('email').executeTakeFirstOrThrow()).email;
      expect(await email()).toBe('sara@example.org');
      expect(await checkEmailChange(app, { token })).toEqual({ newEmail: 'sara.new@example.org' });
      expect(await email()).toBe('sara@example.org');
      expect(await confirmEmailChange(app, { token })).toEqual({ email: 'sara.new@example.org' });
      expect(await email()).toBe('sara.new@example.org');
      expect(await codeOf(confirmEmailChange(app, { token }))).toBe('email_change.invalid');
      await signIn(app, { email: 'sara.new@example.org', password: PASSWORD }, { ip: '10.0.0.9' });
      const actions = await ctx.db.selectFrom('audit_events').select('action').orderBy('action').execute();
      expect(actions.map((a) => a.action)).toEqual(['user.email_change_requested', 'user.email_changed']);
    });

    it('refuses a wrong password, the same address, a taken one, an expired or replaced link', async () => {
      const { app, actor } = await signedUp();
      await createUser(app, { ...input, email: 'taken@example.org' });
      expect(
        await codeOf(requestEmailChange(app, actor, { email: 'x@example.org', currentPassword: 'nope' })),
      ).toBe('password.current_wrong');
      expect(
        await codeOf(
          requestEmailChange(app, actor, { email: 'SARA@example.org', currentPassword: PASSWORD }),
        ),
      ).toBe('email_change.same');
      expect(
        await codeOf(
          requestEmailChange(app, actor, { email: 'taken@example.org', currentPassword: PASSWORD }),
        ),
      ).toBe('email_change.taken');
      (await app.deliverMail()).length = 0;
      await requestEmailChange(app, actor, { email: 'first@example.org', currentPassword: PASSWORD });
      await requestEmailChange(app, actor, { email: 'second@example.org', currentPassword: PASSWORD });
      const [first, , second] = (await app.deliverMail()).map(
        (m) => /confirm-email-change\/([0-9a-f]{64})/.exec(m.text)?.[1] ?? '',
      );
      expect(await codeOf(confirmEmailChange(app, { token: first! }))).toBe('email_change.invalid');
      app.clock.advance(25 * 3_600_000);
      expect(await codeOf(confirmEmailChange(app, { token: second! }))).toBe('email_change.expired');
    });

    it('refuses the change when another account took the address meanwhile', async () => {
      const { app, actor } = await signedUp();
      await requestEmailChange(app, actor, { email: 'race@example.org', currentPassword: PASSWORD });
      const token = /confirm-email-change\/([0-9a-f]{64})/.exec((await app.deliverMail())[0]!.text)![1]!;
      await createUser(app, { ...input, email: 'race@example.org' });
      expect(await codeOf(confirmEmailChange(app, { token }))).toBe('email_change.taken');
    });
  });

  describe('reminders', () => {
    it('turn off from the profile or from a signed link, and back on', async () => {
      const { app, actor } = await signedUp();
      await setReminders(app, actor, false);
      const row = async () => ctx.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect((await row()).reminders_enabled).toBe(0);
      await setReminders(app, actor, true);
      const token = signUnsubscribe(await mailSecretOf(ctx.db, await row()), actor.userId, 'reminders');
      expect(await checkUnsubscribe(app, { user: actor.userId, token })).toEqual({ remindersEnabled: true });
      expect(await codeOf(unsubscribeFromReminders(app, { user: actor.userId, token: `${token}x` }))).toBe(
        'unsubscribe.invalid',
      );
      expect(await codeOf(unsubscribeFromReminders(app, { user: 'nobody', token }))).toBe(
        'unsubscribe.invalid',
      );
      expect(await unsubscribeFromReminders(app, { user: actor.userId, token })).toEqual({ enabled: false });
      expect((await row()).reminders_enabled).toBe(0);
      const actions = await ctx.db.selectFrom('audit_events').select('action').execute();
      expect(actions).toHaveLength(3);
    });
  });
});
