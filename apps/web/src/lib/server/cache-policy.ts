import { pageKindOf } from '../../service-worker/offline.rules.ts';

/**
 * The Cache-Control of a response whose route chose none. What a signed-in person sees (and any response that sets or
 * clears the session cookie) is `private, no-store`: neither a shared cache nor the browser may keep it, so the next person on a shared
 * computer cannot bring it back. Lessons and slide decks are the exception the service worker needs to save them for
 * offline reading: `private, no-cache` (this browser only, checked with the server each time; sign-out clears it).
 * Public pages seen anonymously keep no header.
 * @example privateCacheControl({ path: '/my', signedIn: true, setsSessionCookie: false }) // 'private, no-store'
 */
export function privateCacheControl(request: {
  readonly path: string;
  readonly signedIn: boolean;
  readonly setsSessionCookie: boolean;
}): string | undefined {
  if (!request.signedIn && !request.setsSessionCookie) return undefined;
  return request.signedIn && pageKindOf(request.path) === 'lesson'
    ? 'private, no-cache'
    : 'private, no-store';
}
