import { m } from '$lib/paraglide/messages';
import { auditActionKey } from './audit-action-key.ts';

/** The name of an audit action in the page's language (its code when the catalogue has no name for it). */
export function auditActionName(action: string): string {
  const name = (m as unknown as Record<string, (() => string) | undefined>)[auditActionKey(action)];
  return name ? name() : action;
}
