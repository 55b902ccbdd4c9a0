import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OutboxTable } from '../database.types.ts';

/** A stored outbox message. */
export type OutboxRow = Selectable<OutboxTable>;

/** Stores a message in the outbox. */
export async function insertOutboxMessage(db: Kysely<Database>, row: Insertable<OutboxTable>): Promise<void> {
  await db.insertInto('outbox').values(row).execute();
}

/** Lists the newest messages first. */
export async function listOutboxMessages(db: Kysely<Database>, limit = 200): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
