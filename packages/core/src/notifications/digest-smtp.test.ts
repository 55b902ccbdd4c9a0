import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { forEachDialect } from '@labmig/db/testing';
import { openApp } from '../app/app.ts';
import { createLogger } from '../app/logger.ts';
import { replyToThread, startThread } from '../forums/thread.commands.ts';
import { setUpForumWorld } from '../forums/testing/forum-world.ts';
import { JOB_CATALOGUE } from '../job-catalogue.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { createSmtpMailer } from '../mail/smtp-mailer.ts';
import { testConfig } from '../testing/test-app.ts';
import { unsubscribeByLink } from './notification.commands.ts';
import { getNotificationsPage } from './notification.queries.ts';

/** One message as an SMTP server received it: envelope, unfolded headers and the decoded text. */
interface Caught {
  readonly to: string[];
  readonly headers: ReadonlyMap<string, string>;
  readonly text: string;
}

/** Decodes a quoted-printable body (what nodemailer sends for non-ASCII text). */
function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
}

function parse(raw: string, to: string[]): Caught {
  const [head, ...rest] = raw.split(/\r\n\r\n/);
  const headers = new Map<string, string>();
  for (const line of head!.replace(/\r\n[ \t]+/g, ' ').split(/\r\n/)) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = rest.join('\r\n\r\n');
  const qp = /quoted-printable/i.test(headers.get('content-transfer-encoding') ?? '');
  return { to, headers, text: qp ? decodeQuotedPrintable(body) : body };
}

forEachDialect((ctx) => {
  describe('the daily digest through SMTP', () => {
    let server: SMTPServer | undefined;
    afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    it('reaches an SMTP server once per person, with the right posts and an unsubscribe link that works', async () => {
      const caught: Caught[] = [];
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, session, callback) {
          let data = '';
          stream.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
          stream.on('end', () => {
            caught.push(
              parse(
                Buffer.from(data, 'latin1').toString('utf8'),
                session.envelope.rcptTo.map((r) => r.address),
              ),
            );
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const { port } = server.server.address() as AddressInfo;

      const w = await setUpForumWorld(ctx);
      const { cohortId, actors } = w;
      await startThread(w.app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Week 2 opens',
        body: 'Read module 3.',
      });
      const plan = await startThread(w.app, actors.a2, cohortId, {
        forumId: w.forums[`group:${w.groupA}`]!,
        title: 'Plan',
        body: 'Who scores?',
      });
      await replyToThread(w.app, actors.tutorA, cohortId, {
        threadId: plan.threadId,
        body: 'Ana, then compare.',
      });
      // The campus as it runs: SMTP configured, two processes running the job catalogue at 09:00 UTC (the 06:00
      // digest of the cohorts' zone is due).
      const smtp = createSmtpMailer(`smtp://127.0.0.1:${port}`, 'labmig <no-reply@example.org>');
      const app = await openApp(testConfig(ctx), {
        db: ctx.db,
        clock: w.app.clock,
        mailer: smtp,
        logger: createLogger('silent'),
      });
      const processes = [createJobRunner(app, JOB_CATALOGUE), createJobRunner(app, JOB_CATALOGUE)];
      for (let round = 0; round < 4; round++) await Promise.all(processes.map((p) => p.runDue()));
      // Forum mail carries List-Unsubscribe; in this world everyone has the default (the digest).
      const digests = caught.filter((m) => m.headers.has('list-unsubscribe'));
      const to = digests.flatMap((m) => m.to).sort();
      expect(new Set(to).size).toBe(to.length);
      expect(to).toContain('ana.learner@example.org');
      expect(to).toContain('lou.learner@example.org');

      const ana = digests.find((m) => m.to.includes('ana.learner@example.org'))!;
      expect(ana.text).toContain('Week 2 opens — Annonces');
      expect(ana.text).toContain('Plan — Groupe Group A');
      expect(ana.text).toContain('Ana, then compare.');
      const lou = digests.find((m) => m.to.includes('lou.learner@example.org'))!;
      expect(lou.text).toContain('Week 2 opens');
      expect(lou.text).not.toContain('Plan'); // group A's discussion is not Lou's to read
      expect(ana.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      const header = ana.headers.get('list-unsubscribe')!;
      const url = new URL(header.replace(/\s+/g, '').slice(1, -1));
      expect(url.pathname).toBe('/fr/notifications/unsubscribe');
      expect(ana.text.replace(/\s+/g, ' ')).toContain(url.href);
      expect(
        await unsubscribeByLink(app, {
          userId: url.searchParams.get('u')!,
          cohortId: url.searchParams.get('c')!,
          token: url.searchParams.get('t')!,
        }),
      ).toEqual({ cohorts: 1 });
      expect((await getNotificationsPage(app, actors.a1, 'en')).cohorts[0]!.mode).toBe('off');
      await smtp.close?.();
    });
  });
});
