import { expect, test } from './fixtures.ts';
import { forumPaths, forumWorld } from './forums-helpers.ts';
import { signIn } from './helpers.ts';

test('a learner answers a Q&A question and only then sees the others’ answers', async ({ page }, info) => {
  const w = forumWorld(info);
  const paths = forumPaths(w);
  await signIn(page, w.people.a1);
  await page.goto(paths.index);
  await page.getByRole('link', { name: 'Questions and answers' }).click();
  await page.getByRole('link', { name: w.threads.questionTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.threads.questionTitle })).toBeVisible();
  await expect(page.getByText('Post your answer to see the answers of the others.')).toBeVisible();
  await expect(page.getByText(w.threads.answerOfB1)).toHaveCount(0);

  const answer =
    'A person who usually resides here and works, or looks for work, whatever the reason for coming.';
  await page.getByLabel('Your reply').fill(answer);
  await page.getByRole('button', { name: 'Post the reply' }).click();

  await expect(page.locator('.post').filter({ hasText: answer })).toBeVisible();
  await expect(page.getByText(w.threads.answerOfB1)).toBeVisible();
  await expect(page.getByText('Post your answer to see the answers of the others.')).toHaveCount(0);
  // The reply form is empty again, ready for another post.
  await expect(page.getByLabel('Your reply')).toHaveValue('');
});

test('an oversized reply gets a clear message and the text is kept', async ({ page }, info) => {
  const w = forumWorld(info);
  await signIn(page, w.people.a2);
  await page.goto(forumPaths(w).thread(w.threads.drafts));
  const draft = `My long draft. ${'Migration statistics. '.repeat(1000)}`;
  expect(draft.length).toBeGreaterThan(20_000);
  await page.getByLabel('Your reply').fill(draft);
  await page.getByRole('button', { name: 'Post the reply' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText('Must be at most 20000 characters.')).toBeVisible();
  await expect(page.getByLabel('Your reply')).toHaveValue(draft);
});
