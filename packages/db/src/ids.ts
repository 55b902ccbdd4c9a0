import { randomUUID } from 'node:crypto';

/** A new random text id (UUID v4) for any table. */
export function newId(): string {
  return randomUUID();
}
