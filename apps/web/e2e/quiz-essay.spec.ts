import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

const quiz = (): QuizLearnerState => seedState().quizLearner as unknown as QuizLearnerState;

/** The essay's textbox (the only multi-line answer of the week 5 assessment). */
const essayBox = (page: Page): Locator => page.locator('textarea[name^="slot-"]');

// A saved essay must come back: on its page after Next and Previous, on the all-on-one-page view and after resuming.
// (The page showed an empty box, and the next page change saved the empty text over the essay.)
test('a saved essay answer is shown again and never erased by moving between pages', async ({
  page,
}, testInfo) => {
  const { essayCohort, quizzes, learners } = quiz();
  const account = learners[`essay-${testInfo.project.name === 'js' ? 'js' : 'nojs'}`];
  const essay =
    'Employment rate by citizenship; share of "25–64 in work".\n\nLimitation: birth vs citizenship.';
  await signIn(page, account);
  await page.goto(`/cohorts/${essayCohort}/assessments/${quizzes.week5}`);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page).toHaveURL(/\/attempts\/[\w-]+/);
  const attemptUrl = page.url().replace(/\?.*$/, '');

  // Questions are shuffled: the all-on-one-page view tells which page holds the essay.
  await page.goto(`${attemptUrl}?all=1`);
  const legend = await page
    .locator('fieldset')
    .filter({ has: essayBox(page) })
    .locator('legend')
    .textContent();
  const [, at, of] = /Question (\d+) of (\d+)/.exec(legend ?? '') ?? [];
  const n = Number(at);
  const total = Number(of);
  expect(n, 'the page of the essay question').toBeGreaterThan(0);
  expect(total, 'more than one page').toBeGreaterThan(1);
  // Shuffling may put the essay on the last page: then the page moved to and back from is the one before it.
  const away = n < total ? 'Next question' : 'Previous question';
  const back = n < total ? 'Previous question' : 'Next question';
  const other = n < total ? n + 1 : n - 1;

  await page.goto(`${attemptUrl}?page=${n}`);
  await essayBox(page).fill(essay);
  await page.getByRole('button', { name: away }).click();
  await expect(page).toHaveURL(new RegExp(`\\?page=${other}$`));
  await page.getByRole('button', { name: back }).click();
  await expect(page).toHaveURL(new RegExp(`\\?page=${n}$`));
  await expect(essayBox(page)).toHaveValue(essay);

  // Moving on again keeps it (the page used to post the empty box and erase the essay).
  await page.getByRole('button', { name: away }).click();
  await expect(page).toHaveURL(new RegExp(`\\?page=${other}$`));
  await page.goto(`${attemptUrl}?page=${n}`);
  await expect(essayBox(page)).toHaveValue(essay);

  await page.goto(`${attemptUrl}?all=1`);
  await expect(essayBox(page)).toHaveValue(essay);

  // Resuming in a new page: the essay is still there.
  await page.goto(`/cohorts/${essayCohort}/assessments/${quizzes.week5}`);
  await page.getByRole('button', { name: 'Resume your attempt' }).click();
  await expect(page).toHaveURL(/\?(page=\d+|summary=1)$/);
  await page.goto(`${attemptUrl}?page=${n}`);
  await expect(essayBox(page)).toHaveValue(essay);
  await expect(page.getByRole('button', { name: `Question ${n}, answered, current` })).toBeVisible();
});
