/** `@labmig/core/admin` — site administration: the mail outbox. */
export { listOutbox, type OutboxItemDto } from './outbox.queries.ts';
