import { expect, test } from './fixtures.ts';
import { seedState } from './state.ts';

// Pages with private data are never kept by a shared cache (nor, lessons aside, by the browser): the next person on a
// shared computer or behind the same proxy cannot bring them back.
test('signed-in pages say Cache-Control: private, no-store; lessons private, no-cache; public pages neither', async ({
  playwright,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'HTTP only: once is enough');
  const { learner, cohorts } = seedState();
  const anonymous = await playwright.request.newContext({ baseURL });
  const html = { accept: 'text/html' };
  const publicPage = await anonymous.get('/courses/measuring-labour-migration', { headers: html });
  expect(publicPage.status()).toBe(200);
  expect(publicPage.headers()['cache-control']).toBeUndefined();
  const signIn = await anonymous.post('/signin', {
    form: { email: learner.email, password: learner.password },
    headers: { ...html, origin: baseURL! },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(303);
  expect(signIn.headers()['cache-control']).toBe('private, no-store');

  const lesson = `/cohorts/${cohorts.open}/learn/01-overview-of-labour-statistics/01-why-labour-statistics`;
  const cases: [string, string][] = [
    ['/my', 'private, no-store'],
    ['/fr/profile', 'private, no-store'],
    ['/courses/measuring-labour-migration', 'private, no-store'],
    [`/cohorts/${cohorts.open}/learn`, 'private, no-store'],
    [`/cohorts/${cohorts.open}/learn/__data.json`, 'private, no-store'],
    [lesson, 'private, no-cache'],
  ];
  for (const [path, expected] of cases) {
    const response = await anonymous.get(path, { headers: html });
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toBe(expected);
  }
  await anonymous.dispose();
});
