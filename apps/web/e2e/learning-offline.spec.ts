import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

/** Module 1 of the running cohort (week 1, open). */
function modulePath(): string {
  return `/cohorts/${seedState().cohorts.running}/learn/01-overview-of-labour-statistics`;
}

test.describe('the service worker', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'a service worker needs JavaScript');

  test('keeps a visited lesson readable offline; an unvisited lesson gets an offline message', async ({
    page,
    context,
  }) => {
    await signIn(page, seedState().students.js);
    await page.goto(`/cohorts/${seedState().cohorts.running}/learn`);
    // The course home registers the worker; wait until it controls the page (it claims open pages).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    const visited = `${modulePath()}/01-why-labour-statistics`;
    await page.goto(visited);
    const title = (await page.locator('article h1').textContent())!.trim();
    expect(title.length).toBeGreaterThan(3);
    await expect(page.locator('.offline-notice')).toBeHidden();
    // The worker saves the page after answering; wait for the copy.
    await expect
      .poll(() => page.evaluate(async (path) => (await caches.match(path)) !== undefined, visited))
      .toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const notice = page.locator('.offline-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(notice).toHaveText(
      /^You are offline — this is the copy saved on \d{1,2} \w+ \d{4} at \d\d:\d\d\.$/,
    );

    // A lesson never opened on this device: the worker's offline page, not the browser's error.
    const unvisited = `${modulePath()}/02-work-and-the-labour-force-framework`;
    const response = await page.goto(unvisited);
    expect(response?.status()).toBe(503);
    await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
    await expect(page.getByText('This page has not been saved on this device')).toBeVisible();
    // It lists the saved lesson, which opens from the cache.
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('.offline-notice')).toBeVisible();

    // Back online, the same address loads from the network again (no offline notice).
    await context.setOffline(false);
    await page.goto(unvisited);
    await expect(page.locator('article h1')).not.toHaveText(title);
    await expect(page.locator('.offline-notice')).toBeHidden();
  });

  test('is registered from a lesson page too (no SvelteKit client there)', async ({ page }) => {
    await signIn(page, seedState().students.js);
    // "My courses" registered it already: start again without a worker.
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    });
    const lesson = `${modulePath()}/01-why-labour-statistics`;
    await page.goto(lesson);
    await expect(page.locator('script[src="/sw-register.js"]')).toHaveCount(1);
    await expect
      .poll(() =>
        page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL),
      )
      .toMatch(/\/service-worker\.js$/);
    // Once it is active, the page is claimed and a reload saves the lesson.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    await expect
      .poll(() => page.evaluate(async (path) => (await caches.match(path)) !== undefined, lesson))
      .toBe(true);
  });

  test('does not save private pages, and signing out clears the saved lessons', async ({ page }) => {
    await signIn(page, seedState().students.js);
    await page.goto(`/cohorts/${seedState().cohorts.running}/learn`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const lesson = `${modulePath()}/01-why-labour-statistics`;
    await page.goto(lesson);
    await expect
      .poll(() => page.evaluate(async (path) => (await caches.match(path)) !== undefined, lesson))
      .toBe(true);
    // Course home, calendar and profile are fetched through the worker but never saved.
    for (const path of [`/cohorts/${seedState().cohorts.running}/learn/calendar`, '/profile']) {
      await page.goto(path);
      expect(await page.evaluate(async (p) => (await caches.match(p)) !== undefined, path)).toBe(false);
    }
    const saved = await page.evaluate(async () => {
      const cache = await caches.open('lessons');
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(saved).toEqual([lesson]);

    const signOut = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/signout' && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect((await (await signOut).allHeaders())['clear-site-data']).toBe('"cache", "storage"');
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
    // Clear-Site-Data removed every cache; the home page may register the worker again, but no lesson is left.
    await expect.poll(() => page.evaluate(() => caches.has('lessons'))).toBe(false);
    expect(await page.evaluate(async (p) => (await caches.match(p)) !== undefined, lesson)).toBe(false);
  });
});
