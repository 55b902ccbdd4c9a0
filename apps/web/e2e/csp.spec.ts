import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

/** Collects what the Content-Security-Policy blocked on the page: console errors and violation events. */
function watchCsp(page: Page): string[] {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Content-Security-Policy/i.test(message.text()))
      blocked.push(`${page.url()}: ${message.text()}`);
  });
  return blocked;
}

// The policy is strict ('self', hashes and nonces; no 'unsafe-inline'), and the app must live within it: a blocked
// style or script is a console error on every page, and something that silently does not work.
test('hydrated pages run without a single Content-Security-Policy violation', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'hydration needs JavaScript');
  const { learner, cohorts } = seedState();
  const blocked = watchCsp(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
      ),
    );
  });
  const hydrated = async (path: string): Promise<void> => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
  };
  for (const path of ['/', '/signin', '/signup', '/fr/reset']) await hydrated(path);
  await signIn(page, learner);
  for (const path of [
    '/my',
    '/profile',
    `/cohorts/${cohorts.open}/learn`,
    `/cohorts/${cohorts.open}/learn/calendar`,
  ])
    await hydrated(path);
  // A client-side navigation too (the route announcer appears after the first one).
  await page.getByRole('link', { name: 'My courses', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(200);
  expect(blocked).toEqual([]);
});

// The catalogue and the course page are server-rendered only (csr = false, issue 11): they send no script at all,
// so there is nothing for the policy to block and nothing to hydrate.
test('the catalogue and the course page send no script', async ({ page }) => {
  const blocked = watchCsp(page);
  for (const path of [
    '/courses',
    '/courses/measuring-labour-migration',
    '/fr/courses/measuring-labour-migration',
  ]) {
    const response = await page.goto(path);
    const html = (await response!.text()).toLowerCase();
    expect(html, path).not.toContain('<script');
    expect(html, path).not.toContain('modulepreload');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-hydrated');
  }
  expect(blocked).toEqual([]);
});
