import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { forumPaths, forumWorld } from './forums-helpers.ts';
import { signIn } from './helpers.ts';

const png = readFileSync(new URL('../../../packages/core/src/files/fixtures/sample.png', import.meta.url));

test('a reply with a file checked by content: a disguised page is refused with the text kept, an image is attached', async ({
  page,
}, info) => {
  const w = forumWorld(info);
  const paths = forumPaths(w);
  await signIn(page, w.people.a1);
  await page.goto(paths.thread(w.threads.drafts));
  const draft = `Our migration chart (${info.project.name})`;
  await page.getByLabel('Your reply').fill(draft);
  await page.getByLabel('Attach files (optional)').setInputFiles({
    name: 'chart.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<html><body><script>alert(1)</script></body></html>'),
  });
  await page.getByRole('button', { name: 'Post the reply' }).click();
  await expect(page.getByText('“chart.png” contains web page code (HTML, SVG or XML)').first()).toBeVisible();
  await expect(page.getByLabel('Your reply')).toHaveValue(draft);
  await expect(page.locator('.post-body').getByText(draft)).toHaveCount(0);

  await page.getByLabel('Attach files (optional)').setInputFiles({
    name: 'chart.jpg',
    mimeType: 'image/jpeg',
    buffer: png,
  });
  await page.getByRole('button', { name: 'Post the reply' }).click();
  const post = page.locator('li.post', { has: page.locator('.post-body').getByText(draft) });
  await expect(post).toBeVisible();
  // Named after what it is (a PNG), whatever the name said.
  const link = post.getByRole('link', { name: 'chart.png' });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  const file = await page.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('image/png');
  expect(file.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.from(await file.body()).equals(png)).toBe(true);
  // Through another group's discussion, or by someone who may not read it, the file is not found.
  const fileId = href.split('/').pop()!;
  expect((await page.request.get(`${paths.thread(w.threads.groupB)}/files/${fileId}`)).status()).toBe(404);
  expect((await page.request.get(`${paths.thread(w.threads.live)}/files/${fileId}`)).status()).toBe(404);
});
