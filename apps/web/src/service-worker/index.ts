/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// The campus service worker (issue 4, low bandwidth): lessons a learner has opened stay readable offline.
// - Build assets: the stylesheets and `static/` files are fetched at install; other immutable chunks are cached the
//   first time the app asks for them (cache first), so a learner on a slow line never downloads unused code.
// - Lessons and slide decks (GET navigations only): network first; a good response is saved; offline, the saved copy
//   is served with its "you are offline — saved on …" notice revealed. Other learning pages get an offline message.
// - Nothing else is touched: no POST, no private pages, no downloads. Signing out clears every cache
//   (Clear-Site-Data on the sign-out response), so the next person on the device sees none of it.
import { build, files, version } from '$service-worker';
import { renderOfflinePage, type SavedPage } from './offline-page.render.ts';
import {
  formatSavedAt,
  localeOfPath,
  pageKindOf,
  showOfflineNotice,
  titleOf,
  type PageKind,
  type SiteLocale,
} from './offline.rules.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;

const ASSETS = `assets-${version}`;
const LESSONS = 'lessons';
const SAVED_AT = 'x-labmig-saved-at';
const TITLE = 'x-labmig-title';
const STYLESHEETS = build.filter((path) => path.endsWith('.css'));
const PRECACHE = [...STYLESHEETS, ...files];
const CACHE_FIRST = new Set([...build, ...files]);
const OFFLINE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(ASSETS)).addAll(PRECACHE);
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (!key.startsWith('assets-') || key === ASSETS) continue;
        await keepStylesheets(key);
        await caches.delete(key);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (CACHE_FIRST.has(url.pathname)) {
    event.respondWith(cacheFirst(request, url));
    return;
  }
  const kind = request.mode === 'navigate' ? pageKindOf(url.pathname) : null;
  if (kind) event.respondWith(networkFirst(event, url, kind));
});

/** Saved lessons keep the styles of the version they were saved with (old stylesheets move to the new cache). */
async function keepStylesheets(oldKey: string): Promise<void> {
  const [from, to] = await Promise.all([caches.open(oldKey), caches.open(ASSETS)]);
  for (const request of await from.keys()) {
    const response = new URL(request.url).pathname.endsWith('.css') ? await from.match(request) : undefined;
    if (response && !(await to.match(request))) await to.put(request, response);
  }
}

async function cacheFirst(request: Request, url: URL): Promise<Response> {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && url.pathname.includes('/immutable/'))
    await (await caches.open(ASSETS)).put(request, response.clone());
  return response;
}

async function networkFirst(event: FetchEvent, url: URL, kind: NonNullable<PageKind>): Promise<Response> {
  const locale = localeOfPath(url.pathname);
  let response: Response;
  try {
    response = await fetch(event.request);
  } catch {
    return (kind === 'lesson' && (await savedCopy(event.request, locale))) || offlinePage(url, locale);
  }
  if (kind === 'lesson' && isSavable(response)) event.waitUntil(save(event.request, response.clone()));
  return response;
}

/** Only a plain 200 HTML page of our own is saved (never a redirect to sign-in, an error or a no-store page). */
function isSavable(response: Response): boolean {
  return (
    response.status === 200 &&
    response.type === 'basic' &&
    !response.redirected &&
    (response.headers.get('content-type') ?? '').startsWith('text/html') &&
    !/no-store/.test(response.headers.get('cache-control') ?? '')
  );
}

async function save(request: Request, response: Response): Promise<void> {
  const html = await response.text();
  const headers = new Headers(response.headers);
  // The body is stored decoded: drop the transfer headers that described the compressed body.
  headers.delete('content-encoding');
  headers.delete('content-length');
  headers.set(SAVED_AT, new Date().toISOString());
  headers.set(TITLE, encodeURIComponent(titleOf(html)));
  await (await caches.open(LESSONS)).put(request, new Response(html, { status: 200, headers }));
}

async function savedCopy(request: Request, locale: SiteLocale): Promise<Response | undefined> {
  const hit = await (await caches.open(LESSONS)).match(request);
  if (!hit) return undefined;
  const savedAt = new Date(hit.headers.get(SAVED_AT) ?? Date.now());
  const html = showOfflineNotice(await hit.text(), formatSavedAt(savedAt, locale));
  return new Response(html, { status: 200, headers: hit.headers });
}

async function offlinePage(url: URL, locale: SiteLocale): Promise<Response> {
  const cache = await caches.open(LESSONS);
  const saved: SavedPage[] = [];
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    const title = (await cache.match(request))?.headers.get(TITLE);
    if (title && localeOfPath(path) === locale) saved.push({ href: path, title: decodeURIComponent(title) });
  }
  const html = renderOfflinePage({
    locale,
    href: url.pathname + url.search,
    saved,
    stylesheets: STYLESHEETS,
  });
  return new Response(html, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': OFFLINE_CSP,
      'cache-control': 'no-store',
    },
  });
}
