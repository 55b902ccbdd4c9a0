import { insertOutboxMessage, newId, type Database, type Kysely } from '@labmig/db';
import type { Clock } from '../shared/clock.ts';
import type { Mailer } from './mailer.ts';

/** A mailer that stores every message in the outbox table for admins to read (no SMTP configured). */
export function createOutboxMailer(db: Kysely<Database>, clock: Clock): Mailer {
  return {
    kind: 'outbox',
    async send(message) {
      await insertOutboxMessage(db, {
        id: newId(),
        to_address: message.to,
        subject: message.subject,
        body_text: message.text,
        kind: message.kind,
        locale: message.locale,
        created_at: clock.now().toISOString(),
        sent_at: null,
      });
    },
  };
}
