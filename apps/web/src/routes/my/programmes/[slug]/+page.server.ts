import { certificateServicesOf, getMyProgrammeRecord } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/**
 * The signed-in person's record in one programme: each course earned or pending (from the same certificates as "My
 * certificates") and the diploma, issued here at once when the rule is met.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const record = await runLoad(event, () =>
    getMyProgrammeRecord(locals.app, certificateServicesOf(locals.app), actor, params.slug, locals.locale),
  );
  return { record };
};
