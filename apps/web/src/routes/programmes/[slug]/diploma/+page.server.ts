import { getProgrammePublic } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/** The public page of a programme's diploma (every diploma credential's `achievement.id`); no account needed. */
export const load: PageServerLoad = async (event) => {
  const { locals, params } = event;
  const programme = await runLoad(event, () => getProgrammePublic(locals.app, params.slug, locals.locale));
  return { programme };
};
