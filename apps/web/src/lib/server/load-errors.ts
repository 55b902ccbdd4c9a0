import { error } from '@sveltejs/kit';
import { isDomainError } from '@labmig/core';
import type { Locale } from './locale.ts';

/**
 * Runs a core query for a page load; a domain error (not found, forbidden…) becomes SvelteKit's `error()` with
 * the message in the user's language. Anything else is a bug and goes to handleError.
 */
export async function loadOrError<T>(locale: Locale, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (caught) {
    if (isDomainError(caught)) error(caught.status, caught.localize(locale));
    throw caught;
  }
}
