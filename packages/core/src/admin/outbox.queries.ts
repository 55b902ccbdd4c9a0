import { listOutboxMessages } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { assertCan } from '../access/can.ts';
import { SITE } from '../access/membership.ts';

/** One message in the outbox. */
export interface OutboxItemDto {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly kind: string;
  readonly locale: string;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

/** The newest outbox messages (site admins only; ForbiddenError otherwise). */
export async function listOutbox(app: App, actor: Actor): Promise<OutboxItemDto[]> {
  assertCan(actor, 'outbox.view', SITE, { forbidden: 'admin.only' });
  const rows = await listOutboxMessages(app.db);
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.body_text,
    kind: r.kind,
    locale: r.locale,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
