import { getSlideDeck } from '@labmig/core';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/** No SvelteKit client: anchors work without JavaScript, and /slides.js adds keyboard navigation. */
export const csr = false;

/** The expert presentation of a module: one section per slide with its transcript, or the outline. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const deck = await loadOrError(locals.locale, () =>
    getSlideDeck(locals.app, actor, params.id, params.module, locals.locale),
  );
  return { deck };
};
