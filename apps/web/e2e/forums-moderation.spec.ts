import { expect, test } from './fixtures.ts';
import { forumPaths, forumWorld } from './forums-helpers.ts';
import { signIn } from './helpers.ts';

test('a tutor pins and locks a discussion; learners see it first and can no longer reply', async ({
  browser,
  page,
}, info) => {
  const w = forumWorld(info);
  const paths = forumPaths(w);
  await signIn(page, w.people.tutorA);
  await page.goto(paths.thread(w.threads.general));
  await page.getByRole('button', { name: 'Pin to the top' }).click();
  await expect(page.getByText('The discussion is pinned at the top of its forum.')).toBeVisible();
  await page.getByRole('button', { name: 'Lock (no more replies)' }).click();
  await expect(page.getByText('The discussion is locked.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();

  const learner = await browser.newPage({ javaScriptEnabled: info.project.name !== 'no-js' });
  await signIn(learner, w.people.a1);
  await learner.goto(paths.forum(w.forums.general));
  const first = learner.locator('.thread-list li').first();
  await expect(first).toContainText(w.threads.generalTitle);
  await expect(first).toContainText('Pinned');
  await expect(first).toContainText('Locked');
  await learner.goto(paths.thread(w.threads.general));
  await expect(learner.getByText('This discussion is locked: no new replies can be posted.')).toBeVisible();
  await expect(learner.getByLabel('Your reply')).toHaveCount(0);
  // A forged reply is refused too.
  const forged = await learner.request.post(`${paths.thread(w.threads.general)}?/reply`, {
    form: { body: 'sneaky' },
    headers: { origin: new URL(learner.url()).origin, accept: 'text/html' },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain('This discussion is locked');
  await learner.close();
});
