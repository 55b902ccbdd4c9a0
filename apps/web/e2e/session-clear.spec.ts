import { expect, test } from '@playwright/test';
import { seedState } from './state.ts';

// Lessons saved by the service worker belong to the person who read them. Whenever the person using the browser
// may change, the server tells the browser to forget its cache and site storage (Clear-Site-Data).
const clearSiteData = (headers: { name: string; value: string }[]) =>
  headers.find((h) => h.name.toLowerCase() === 'clear-site-data')?.value;

test('signing in, and a session that expired, clear the site data; an ordinary page does not', async ({
  request,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'HTTP only: once is enough');
  const { learner } = seedState();
  const signedIn = await request.post('/signin', {
    form: { email: learner.email, password: learner.password },
    headers: { origin: baseURL!, accept: 'text/html' },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(303);
  expect(clearSiteData(signedIn.headersArray())).toBe('"cache", "storage"');

  const page = await request.get('/courses', { headers: { accept: 'text/html' } });
  expect(page.status()).toBe(200);
  expect(clearSiteData(page.headersArray())).toBeUndefined();

  const stale = await request.get('/courses', {
    headers: { accept: 'text/html', cookie: 'labmig_session=not-a-valid-session-token' },
  });
  expect(stale.status()).toBe(200);
  expect(clearSiteData(stale.headersArray())).toBe('"cache", "storage"');
});
