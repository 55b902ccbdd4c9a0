import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { forEachDialect } from '@labmig/db/testing';
import { createSmtpMailer } from './smtp-mailer.ts';
import { createOutboxMailer } from './outbox-mailer.ts';
import { fixedClock } from '../shared/clock.ts';
import { createTestApp, signUpInput } from '../testing/test-app.ts';
import { listOutbox } from '../admin/outbox.queries.ts';
import { createUser } from '../accounts/account.commands.ts';
import { resolveSession, signIn } from '../accounts/session.commands.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors.ts';

describe('createSmtpMailer', () => {
  let server: SMTPServer | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('delivers a plain-text message to the SMTP server', async () => {
    const received: { from: string; to: string[]; data: string }[] = [];
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, 'labmig <no-reply@example.org>');
    await mailer.send({
      to: 'ana@example.org',
      subject: 'Hello Ana',
      text: 'Line one\nLine two',
      kind: 'test',
      locale: 'en',
    });
    await mailer.close?.();
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe('no-reply@example.org');
    expect(received[0].to).toEqual(['ana@example.org']);
    expect(received[0].data).toContain('Subject: Hello Ana');
    expect(received[0].data).toContain('Line one');
  });
});

forEachDialect((ctx) => {
  describe('outbox', () => {
    it('stores mail without SMTP and shows it to site admins only, newest first', async () => {
      const app = await createTestApp(ctx);
      const clock = fixedClock('2026-03-10T09:00:00.000Z');
      const outbox = createOutboxMailer(ctx.db, clock);
      await outbox.send({ to: 'a@example.org', subject: 'First', text: 'one', kind: 'test', locale: 'en' });
      clock.advance(1000);
      await outbox.send({ to: 'b@example.org', subject: 'Second', text: 'two', kind: 'test', locale: 'fr' });

      await createUser(app, signUpInput('admin'), { isAdmin: true });
      const admin = await signIn(
        app,
        { email: 'learneradmin@example.org', password: 'correct horse battery' },
        { ip: '1.1.1.1' },
      );
      await createUser(app, signUpInput('learner'));
      const learner = await signIn(
        app,
        { email: 'learnerlearner@example.org', password: 'correct horse battery' },
        { ip: '1.1.1.1' },
      );
      const adminActor = (await resolveSession(app, admin.sessionToken)).actor;
      const learnerActor = (await resolveSession(app, learner.sessionToken)).actor;

      const items = await listOutbox(app, adminActor);
      expect(items.map((i) => [i.to, i.subject, i.text, i.locale, i.sentAt])).toEqual([
        ['b@example.org', 'Second', 'two', 'fr', null],
        ['a@example.org', 'First', 'one', 'en', null],
      ]);
      await expect(listOutbox(app, learnerActor)).rejects.toThrow(ForbiddenError);
      await expect(listOutbox(app, { kind: 'anonymous' })).rejects.toThrow(UnauthenticatedError);
    });
  });
});
