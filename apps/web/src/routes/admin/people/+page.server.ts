import { searchPeople } from '@labmig/core/course-admin';
import { formatDate } from '$lib/format';
import { localizeHref } from '$lib/paraglide/runtime';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** Search people by name or email, 25 a page (site admins). */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const result = await runLoad(event, () =>
    searchPeople(locals.app, actor, {
      q: url.searchParams.get('q') ?? '',
      page: url.searchParams.get('page') ?? '1',
    }),
  );
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (result.query) params.set('q', result.query);
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return `${localizeHref('/admin/people')}${query ? `?${query}` : ''}`;
  };
  return {
    ...result,
    people: result.people.map((p) => ({ ...p, since: formatDate(p.createdAt, locals.locale) })),
    previous: result.page > 1 ? href(result.page - 1) : undefined,
    next: result.page < result.pageCount ? href(result.page + 1) : undefined,
  };
};
