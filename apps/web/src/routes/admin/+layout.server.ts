import { assertCan, SITE } from '@labmig/core/access';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

/** Every /admin page: site administrators only (403 for everyone else, sign-in first for visitors). */
export const load: LayoutServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  await runLoad(event, async () => assertCan(actor, 'admin.view', SITE, { forbidden: 'admin.only' }));
  return {};
};
