/**
 * The reload of a live page (forum thread, support desk, a Lab job): the page's data loaded again through its normal
 * load, unless the person is leaving the page or sending a form — a reload then would cancel what they asked for.
 *
 * SvelteKit resolves routes on the server here (svelte.config.js), so a click on a link first fetches the target's
 * route and only then reports the navigation (`navigating.to`); an `invalidateAll` started in that gap supersedes the
 * navigation, and the page stays where it was. A tutor's click on "See the forum post" did nothing about one time in
 * four: the forum post's own live event arrived in that gap. So a link click, a form sent by navigation (GET) and a
 * step back or forward in history count as leaving from the moment they happen, until a navigation ends (or ten
 * seconds pass, for a click that SvelteKit leaves to the browser or that is cancelled).
 */
import { browser } from '$app/environment';
import { afterNavigate, invalidateAll } from '$app/navigation';
import { navigating } from '$app/state';

const LEAVING_FOR_MS = 10_000;
let leavingUntil = 0;
let watching = false;

function leaving(): void {
  leavingUntil = Date.now() + LEAVING_FOR_MS;
}

function onClick(event: MouseEvent): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (link && !link.hasAttribute('download') && (link.getAttribute('target') ?? '_self') === '_self')
    leaving();
}

function onSubmit(event: SubmitEvent): void {
  if (event.target instanceof HTMLFormElement && event.target.method.toLowerCase() === 'get') leaving();
}

/**
 * Call while a live page's component starts. `busy` says whether the page is sending a form. The returned function
 * reloads the page's data and says whether it did (false: skipped, the person is leaving or sending).
 */
export function liveReloader(busy: () => boolean): () => Promise<boolean> {
  if (browser && !watching) {
    watching = true;
    document.addEventListener('click', onClick, true);
    document.addEventListener('submit', onSubmit, true);
    window.addEventListener('popstate', leaving);
  }
  afterNavigate(() => {
    leavingUntil = 0;
  });
  return async () => {
    if (busy() || navigating.to || Date.now() < leavingUntil) return false;
    await invalidateAll();
    return true;
  };
}
