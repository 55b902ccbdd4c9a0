import { expect, test } from './fixtures.ts';
import { forumPaths, forumWorld } from './forums-helpers.ts';
import { signIn } from './helpers.ts';

test('a reply appears in a discussion open in another browser within 2 s (JavaScript); without it, on reload', async ({
  browser,
  page,
}, info) => {
  const w = forumWorld(info);
  const paths = forumPaths(w);
  const js = info.project.name !== 'no-js';
  await signIn(page, w.people.a1);
  await page.goto(paths.thread(w.threads.live));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Live: share your country figure');
  const draft = 'My draft, not sent yet';
  await page.getByLabel('Your reply').fill(draft);

  const other = await browser.newPage({ javaScriptEnabled: js });
  await signIn(other, w.people.a2);
  await other.goto(paths.thread(w.threads.live));
  const text = `Our figure: 12.4% (${info.project.name})`;
  await other.getByLabel('Your reply').fill(text);
  await other.getByRole('button', { name: 'Post the reply' }).click();
  await expect(other.locator('.post-body').getByText(text)).toBeVisible();
  await other.close();

  if (js) {
    // The post is saved (the other page shows it): it reaches this page without a reload, and what was typed stays.
    await expect(page.locator('.post-body').getByText(text)).toBeVisible({ timeout: 2_000 });
    await expect(
      page.getByRole('status').filter({ hasText: '1 new post in this discussion' }),
    ).toBeAttached();
    await expect(page.getByLabel('Your reply')).toHaveValue(draft);
  } else {
    await expect(page.locator('.post-body').getByText(text)).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.post-body').getByText(text)).toBeVisible();
  }
});

test('the live stream of a discussion opens only for those who may read it', async ({
  page,
  playwright,
}, info) => {
  const w = forumWorld(info);
  const paths = forumPaths(w);
  await signIn(page, w.people.a1);
  const live = (threadId: string) => `${paths.thread(threadId)}/live`;
  // Another group's private discussion: "not found", as its page.
  const refused = await page.request.get(live(w.threads.groupB));
  expect(refused.status()).toBe(404);
  // Signed out: no stream.
  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  expect((await anonymous.get(live(w.threads.live))).status()).toBe(401);
  await anonymous.dispose();
  // A reader's own: an event stream (read its first bytes, then let go).
  const origin = new URL(page.url()).origin;
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const controller = new AbortController();
  const response = await fetch(`${origin}${live(w.threads.live)}`, {
    headers: { cookie: cookies, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const first = await response.body!.getReader().read();
  expect(new TextDecoder().decode(first.value)).toContain(': connected');
  controller.abort();
});
