import { getSlideDeck } from '@labmig/core/learning';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/** No SvelteKit client: anchors work without JavaScript, and /slides.js adds keyboard navigation. */
export const csr = false;

/** The expert presentation of a module: one section per slide with its transcript, or the outline. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const deck = await runLoad(event, () =>
    getSlideDeck(locals.app, actor, params.id, params.module, locals.locale),
  );
  return { deck };
};
