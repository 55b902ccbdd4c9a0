import { expect, test } from './fixtures.ts';
import { uniqueEmail } from './state.ts';

// 40 wrong passwords for one account sent at once: the server checks 5 and refuses the rest without checking, in
// the user's language. (Each check is a slow hash; the count used to be read before it and written after it.)
test('parallel wrong passwords for one account: 5 are checked, 35 refused', async ({
  playwright,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'HTTP only: once is enough');
  // An address with no account: it is limited the same way, and no other test's account gets locked.
  const email = uniqueEmail('limit');
  const contexts = await Promise.all(
    Array.from({ length: 40 }, () => playwright.request.newContext({ baseURL })),
  );
  const responses = await Promise.all(
    contexts.map((request, i) =>
      request.post('/signin', {
        form: { email, password: `wrong password ${i}` },
        headers: { origin: baseURL!, accept: 'text/html' },
      }),
    ),
  );
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses.filter((s) => s === 401)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  const limited = responses.find((r) => r.status() === 429)!;
  expect(await limited.text()).toContain('Too many failed sign-in attempts.');
  await Promise.all(contexts.map((c) => c.dispose()));
});
