import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures.ts';
import { mailsTo } from './helpers.ts';
import { seedState } from './state.ts';

/** Posts a form with the headers given (Host included, which browsers never let a page set). */
function post(
  baseURL: string,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string>,
): Promise<number> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(path, baseURL),
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
          accept: 'text/html',
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// The server of this run is started without ORIGIN (playwright.config.ts), as `npm start` starts it from the README:
// the origin is http://HOST:PORT. Every other spec posts its forms over plain http to it.
test('without ORIGIN, a reset request with a forged Host is refused and reset mail links use the real origin', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'HTTP only: once is enough');
  const { manager } = seedState();
  const forged = await post(
    baseURL!,
    '/reset',
    { email: manager.email },
    {
      host: 'evil.example',
      origin: 'https://evil.example',
    },
  );
  expect(forged).toBe(403);
  expect(await post(baseURL!, '/reset', { email: manager.email }, { origin: baseURL! })).toBe(200);

  const mails = await mailsTo(browser, manager.email);
  expect(mails.length).toBeGreaterThan(0);
  for (const text of mails) {
    expect(text).not.toContain('evil.example');
    expect(text).toContain(`${baseURL}/reset-password/`);
  }
});
