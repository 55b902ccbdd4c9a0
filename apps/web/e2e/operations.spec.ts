import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

test('health check, request ids and security headers', async ({ request }) => {
  const health = await request.get('/healthz');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: { kind: 'sqlite', ok: true } });

  const page = await request.get('/courses', {
    headers: { accept: 'text/html', 'x-request-id': 'e2e-request-0001' },
  });
  const headers = page.headers();
  expect(headers['x-request-id']).toBe('e2e-request-0001');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  // The catalogue sends no script at all (csr = false), so its policy allows only the site's own files; a page
  // that hydrates gets a nonce for its inline start-up script.
  expect(headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  const signin = await request.get('/signin', { headers: { accept: 'text/html' } });
  expect(signin.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
});

test('an unknown page is a 404 without internals, in the page language', async ({ page }) => {
  const response = await page.goto('/fr/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Cette page est introuvable.')).toBeVisible();
  expect(await page.content()).not.toMatch(/at .*\.js:\d+|node_modules/);
});

test('a form posted from another site is refused (CSRF origin check)', async ({ request }) => {
  const response = await request.post('/signin', {
    form: { email: 'x@example.org', password: 'whatever-password' },
    headers: { origin: 'https://evil.example', accept: 'text/html' },
  });
  expect(response.status()).toBe(403);
});

test('the profile form saves the changes', async ({ page }) => {
  await signIn(page, seedState().manager);
  await page.goto('/profile');
  await page.getByLabel('Job title').fill('Head of migration statistics');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText('Your profile has been saved.');
  await page.goto('/profile');
  await expect(page.getByLabel('Job title')).toHaveValue('Head of migration statistics');
});
