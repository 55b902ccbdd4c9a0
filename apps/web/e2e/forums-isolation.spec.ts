import { expect, test } from './fixtures.ts';
import { forumPaths, forumWorld } from './forums-helpers.ts';
import { signIn } from './helpers.ts';

test('a learner of one group never reaches another group’s forum, discussions or page, by URL or search', async ({
  page,
}, info) => {
  const w = forumWorld(info);
  const paths = forumPaths(w);
  await signIn(page, w.people.a1);
  for (const path of [
    paths.forum(w.forums.groupB),
    paths.thread(w.threads.groupB),
    paths.thread(w.threads.separateB),
    paths.group(w.groups.b),
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain(w.threads.secretWord);
  }
  const response = await page.goto(paths.thread(w.threads.groupB));
  expect(response?.status()).toBe(404);
  await expect(page.getByText(w.threads.secretWord)).toHaveCount(0);

  await page.goto(paths.index);
  await expect(page.getByRole('link', { name: 'Group Sahel' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Group Mekong' })).toHaveCount(0);
  await page.getByLabel('Search the forums').fill(w.threads.secretWord);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('0 posts found.')).toBeVisible();
  await expect(page.getByText(w.threads.secretWord, { exact: false })).toHaveCount(0);
  // The same search by a learner of the group finds both posts.
  await page.context().clearCookies();
  await signIn(page, w.people.b1);
  await page.goto(paths.search(w.threads.secretWord));
  await expect(page.getByText('2 posts found.')).toBeVisible();
});

test('a learner’s group page shows its members, tutor and exercise; the groups page is for staff', async ({
  page,
}, info) => {
  const w = forumWorld(info);
  const paths = forumPaths(w);
  await signIn(page, w.people.a1);
  await page.goto(paths.groups);
  // A learner is taken to their own group.
  await expect(page).toHaveURL(new RegExp(`${paths.group(w.groups.a)}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Group Sahel' })).toBeVisible();
  await expect(page.getByText('Tomás Ruiz')).toBeVisible();
  await expect(page.getByText(w.people.a2.name)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /policy-coherence matrix/ })).toBeVisible();
  await expect(page.getByText(/^Due /)).toBeVisible();
});
