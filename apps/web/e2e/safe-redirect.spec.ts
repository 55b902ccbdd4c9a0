import { expect, test } from './fixtures.ts';
import { seedState } from './state.ts';

// After signing in, `next` may only lead to a page of this site: never another host, never a broken header.
test('signing in with a hostile next stays on the campus and lands on My courses', async ({ page }) => {
  const { learner } = seedState();
  await page.goto('/signin?next=/%09/evil.example/x');
  await page.getByLabel('Email address').fill(learner.email);
  await page.getByLabel('Password').fill(learner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My courses' })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});

test('every hostile next gets a redirect to My courses, never a 500 after the session was made', async ({
  playwright,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'HTTP only: once is enough');
  const { learner } = seedState();
  const hostile = [
    '/%09/evil.example/x',
    '/%0d%0aSet-Cookie:%20x=1',
    '/courses/caf%C3%A9',
    '//evil.example',
    '/%5Cevil.example',
    'https://evil.example',
    'javascript:alert(1)',
    `/${'a'.repeat(3000)}`,
  ];
  for (const next of hostile) {
    const request = await playwright.request.newContext({ baseURL });
    const response = await request.post(`/signin?next=${next}`, {
      form: { email: learner.email, password: learner.password },
      headers: { origin: baseURL!, accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(response.status(), next).toBe(303);
    expect(response.headers()['location'], next).toBe('/my');
    await request.dispose();
  }
});
