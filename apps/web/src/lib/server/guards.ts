import { redirect } from '@sveltejs/kit';
import type { UserActor } from '@labmig/core/access';
import { localizeHref } from '$lib/paraglide/runtime';

/**
 * The signed-in actor, or a redirect to the sign-in page that comes back to `url` afterwards.
 * @throws Redirect (303) to /signin?next=… for anonymous visitors.
 */
export function requireUser(locals: App.Locals, url: URL): UserActor {
  if (locals.actor.kind === 'user') return locals.actor;
  redirect(303, `${localizeHref('/signin')}?next=${encodeURIComponent(url.pathname + url.search)}`);
}
