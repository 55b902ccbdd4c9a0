import { describe, expect, it } from 'vitest';
import { buildUser, forEachDialect } from '@labmig/db/testing';
import { actorOf } from '../accounts/user.present.ts';
import { resetPassword } from '../accounts/password-reset.commands.ts';
import { resolveSession, signIn } from '../accounts/session.commands.ts';
import { hashPassword } from '../accounts/password.ts';
import { createTestApp } from '../testing/test-app.ts';
import { createPerson, sendPasswordLink, setAccountActive, setSiteAdmin } from './people.commands.ts';
import { getPerson, searchPeople } from './people.queries.ts';
import { auditTrail, buildCourseTeam } from './testing/course-team.ts';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

const tokenIn = (text: string) => /reset-password\/([0-9a-f]{64})/.exec(text)?.[1] ?? '';

forEachDialect((ctx) => {
  describe('people', () => {
    it('finds people by part of a name or address, 25 a page, wildcards taken literally', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx);
      for (let i = 0; i < 30; i++)
        await buildUser(ctx.db, { name: `Zed ${String(i).padStart(2, '0')}`, email: `zed${i}@stat.example` });
      await buildUser(ctx.db, { name: 'Percent 100%', email: 'pct@example.org' });
      const first = await searchPeople(app, team.admin, { q: 'ZED' });
      expect([first.total, first.pageCount, first.people.length]).toEqual([30, 2, 25]);
      expect(first.people[0]!.name).toBe('Zed 00');
      const second = await searchPeople(app, team.admin, { q: 'zed', page: '2' });
      expect(second.people.map((p) => p.name)).toEqual(['Zed 25', 'Zed 26', 'Zed 27', 'Zed 28', 'Zed 29']);
      expect((await searchPeople(app, team.admin, { q: 'stat.example' })).total).toBe(30);
      expect((await searchPeople(app, team.admin, { q: '0%' })).people.map((p) => p.email)).toEqual([
        'pct@example.org',
      ]);
      expect((await searchPeople(app, team.admin, { q: '_' })).total).toBe(0);
      for (const who of [team.manager, team.tutor, team.learner])
        expect(await codeOf(searchPeople(app, who, { q: '' }))).toBe('admin.only');
    });

    it('creates an account with no password and mails a single-use link to choose one', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx);
      const input = {
        name: 'Rania Rahal',
        email: 'Rania@Example.org',
        country: 'LB',
        organisationType: 'ministry' as const,
        jobTitle: 'Analyst',
        locale: 'fr' as const,
      };
      const { id } = await createPerson(app, team.admin, input, { requestId: 'req-create' });
      const mail = (await app.deliverMail()).at(-1)!;
      expect([mail.to, mail.kind, mail.locale]).toEqual(['rania@example.org', 'account-invitation', 'fr']);
      expect(mail.text).toContain(`${app.config.origin}/fr/reset-password/`);
      expect(mail.text).not.toMatch(/mot de passe\s*:\s*\S+$/m);
      expect(
        await codeOf(
          signIn(app, { email: 'rania@example.org', password: '!no-password' }, { ip: '1.1.1.1' }),
        ),
      ).toBe('auth.invalid_credentials');
      await resetPassword(app, { token: tokenIn(mail.text), password: 'a brand new password' });
      expect(
        (
          await signIn(
            app,
            { email: 'rania@example.org', password: 'a brand new password' },
            { ip: '1.1.1.1' },
          )
        ).user.id,
      ).toBe(id);
      expect(
        await codeOf(resetPassword(app, { token: tokenIn(mail.text), password: 'another password!' })),
      ).toBe('reset.invalid');
      expect(await codeOf(createPerson(app, team.admin, input))).toBe('auth.email_taken');
      expect(await codeOf(createPerson(app, team.manager, { ...input, email: 'x@example.org' }))).toBe(
        'admin.only',
      );
      expect(await auditTrail(ctx)).toEqual([['user.created', team.admin.userId, id]]);
    });

    it('sends a password link; the old password works until the link is used', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx);
      await ctx.db
        .updateTable('users')
        .set({ password_hash: await hashPassword('the old password') })
        .where('id', '=', team.learner.userId)
        .execute();
      await sendPasswordLink(app, team.admin, team.learner.userId);
      const mail = (await app.deliverMail()).at(-1)!;
      expect([mail.to, mail.kind]).toEqual([team.learner.email, 'password-link']);
      await signIn(app, { email: team.learner.email, password: 'the old password' }, { ip: '1.1.1.1' });
      await resetPassword(app, { token: tokenIn(mail.text), password: 'the new password' });
      expect(
        await codeOf(
          signIn(app, { email: team.learner.email, password: 'the old password' }, { ip: '1.1.1.1' }),
        ),
      ).toBe('auth.invalid_credentials');
    });

    it('deactivates an account: signed out at once, refused at sign-in with whom to contact, then reactivated', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx);
      await ctx.db
        .updateTable('users')
        .set({ password_hash: await hashPassword('learner password') })
        .where('id', '=', team.learner.userId)
        .execute();
      const session = await signIn(
        app,
        { email: team.learner.email, password: 'learner password' },
        { ip: '1.1.1.1' },
      );
      expect((await resolveSession(app, session.sessionToken)).actor.kind).toBe('user');
      await setAccountActive(app, team.admin, team.learner.userId, false);
      expect((await resolveSession(app, session.sessionToken)).actor.kind).toBe('anonymous');
      expect(
        await codeOf(
          signIn(app, { email: team.learner.email, password: 'learner password' }, { ip: '1.1.1.1' }),
        ),
      ).toBe('auth.deactivated');
      // A wrong password does not reveal that the account is deactivated.
      expect(
        await codeOf(
          signIn(app, { email: team.learner.email, password: 'wrong password!' }, { ip: '1.1.1.1' }),
        ),
      ).toBe('auth.invalid_credentials');
      const notice = (await app.deliverMail()).at(-1)!;
      expect([notice.to, notice.kind]).toEqual([team.learner.email, 'account-deactivated']);
      expect(notice.text).toContain('help@example.org');
      expect(await codeOf(setAccountActive(app, team.admin, team.learner.userId, false))).toBe(
        'people.unchanged',
      );
      expect(await codeOf(sendPasswordLink(app, team.admin, team.learner.userId))).toBe('people.deactivated');
      await setAccountActive(app, team.admin, team.learner.userId, true);
      await signIn(app, { email: team.learner.email, password: 'learner password' }, { ip: '1.1.1.1' });
      expect((await auditTrail(ctx)).map(([a]) => a)).toEqual(['user.deactivated', 'user.reactivated']);
      expect(await codeOf(setAccountActive(app, team.admin, team.admin.userId, false))).toBe(
        'people.self_deactivate',
      );
    });

    it('grants and removes site admin, never the last admin, and asks for confirmation before removing one’s own', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx);
      expect(
        await codeOf(setSiteAdmin(app, team.admin, team.admin.userId, { admin: 'remove', confirm: 'on' })),
      ).toBe('people.last_admin');
      await setSiteAdmin(app, team.admin, team.manager.userId, { admin: 'grant' });
      expect((await app.deliverMail()).at(-1)?.kind).toBe('admin-granted');
      expect((await getPerson(app, team.admin, team.manager.userId)).isAdmin).toBe(true);
      expect(await codeOf(setSiteAdmin(app, team.admin, team.admin.userId, { admin: 'remove' }))).toBe(
        'people.confirm_self',
      );
      await setSiteAdmin(app, team.admin, team.admin.userId, { admin: 'remove', confirm: 'on' });
      const reload = async (id: string) =>
        actorOf(await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      expect((await getPerson(app, await reload(team.manager.userId), team.manager.userId)).isLastAdmin).toBe(
        true,
      );
      // The former admin's next request reads their account again: no more administration.
      expect(
        await codeOf(setAccountActive(app, await reload(team.admin.userId), team.manager.userId, false)),
      ).toBe('admin.only');
    });

    it('lets only one of two admins removing each other at once succeed', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx);
      await setSiteAdmin(app, team.admin, team.manager.userId, { admin: 'grant' });
      const other = { ...team.manager, isAdmin: true };
      const outcomes = await Promise.all([
        codeOf(setSiteAdmin(app, team.admin, other.userId, { admin: 'remove' })),
        codeOf(setSiteAdmin(app, other, team.admin.userId, { admin: 'remove' })),
      ]);
      expect(outcomes.sort()).toEqual(['ok', 'people.last_admin']);
      const admins = await ctx.db.selectFrom('users').select('id').where('is_admin', '=', 1).execute();
      expect(admins).toHaveLength(1);
    });
  });
});
