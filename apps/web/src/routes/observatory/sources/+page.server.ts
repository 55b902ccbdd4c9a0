import { referenceData } from '$lib/server/observatory/reference';
import type { PageServerLoad } from './$types';

/** Every source of the reference data: the publications (primary) and the pages where figures were checked. */
export const load: PageServerLoad = async ({ locals }) => ({ sources: referenceData(locals).sources });
