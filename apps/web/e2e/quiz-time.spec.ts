import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

const quiz = (): QuizLearnerState => seedState().quizLearner as unknown as QuizLearnerState;
const learner = (name: string, info: TestInfo) =>
  quiz().learners[`${name}-${info.project.name === 'js' ? 'js' : 'nojs'}`];

/**
 * Starts, through core in a separate process, an attempt at week 2 whose deadline is `seconds` away (core opened
 * with a clock set back, see seed-quiz-learner.ts). The web server, on the real clock, enforces the deadline.
 */
function timedAttempt(email: string, seconds: number): string {
  const web = fileURLToPath(new URL('..', import.meta.url));
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'e2e/seed-quiz-learner.ts', 'timed', email, quiz().quizzes.week2, String(seconds)],
    { cwd: web, env: process.env, encoding: 'utf8' },
  );
  return (JSON.parse(out) as { attemptId: string }).attemptId;
}

const question = (page: Page, n: number): Locator =>
  page.getByRole('group', { name: new RegExp(`^Question ${n} of`) });

/** Answers a question whatever its type (first option, second choice of each select, a typed number). */
async function answer(q: Locator): Promise<void> {
  if ((await q.getByRole('radio').count()) > 0) return q.getByRole('radio').first().check();
  if ((await q.getByRole('checkbox').count()) > 0) return q.getByRole('checkbox').first().check();
  const selects = q.getByRole('combobox');
  for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
  if ((await q.getByRole('textbox').count()) > 0) await q.getByRole('textbox').fill('12.5');
}

test('the time limit submits the attempt on the server, with what was saved before', async ({
  page,
}, testInfo) => {
  const js = testInfo.project.name === 'js';
  const account = learner('timer', testInfo);
  await signIn(page, account);
  const attemptId = timedAttempt(account.email, js ? 15 : 8);
  const attemptUrl = `/cohorts/${quiz().runningCohort}/attempts/${attemptId}`;
  await page.goto(`${attemptUrl}?page=1`);
  await expect(page.getByText('Time left')).toBeVisible();
  await expect(page.getByText(/^Answers are accepted until \d\d:\d\d:\d\d UTC\.$/)).toBeVisible();
  await answer(question(page, 1));
  if (js) {
    // The autosave keeps the answer; at zero the page reloads and the server has submitted the attempt.
    await expect(page.getByText(/^Saved at /)).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText(/^0:(0\d|1[0-5])$/);
    await expect(page).toHaveURL(/\/review$/, { timeout: 30_000 });
  } else {
    // Without JavaScript the learner moves on in time, then comes back after the deadline.
    await page.getByRole('button', { name: 'Next question' }).click();
    await expect(question(page, 2)).toBeVisible();
    await page.waitForTimeout(9_000);
    await page.goto(attemptUrl);
    await expect(page).toHaveURL(/\/review$/);
  }
  await expect(
    page.getByText('This attempt was submitted automatically when the time ran out.'),
  ).toBeVisible();
  // The answer saved before the deadline was kept and graded.
  await expect(question(page, 1).getByText(/^(Correct|Partially correct|Incorrect)$/)).toBeVisible();
  await expect(page.getByText('Not answered', { exact: true })).toHaveCount(9);
});

test('an answer posted after the deadline is refused with a message; earlier answers stay', async ({
  page,
}, testInfo) => {
  const account = learner('refuse', testInfo);
  await signIn(page, account);
  const attemptId = timedAttempt(account.email, 8);
  const attemptUrl = `/cohorts/${quiz().runningCohort}/attempts/${attemptId}`;
  if (testInfo.project.name === 'js') await page.clock.install();
  await page.goto(`${attemptUrl}?page=1`);
  await answer(question(page, 1));
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(question(page, 2)).toBeVisible();
  // The page sleeps past the deadline (with JavaScript: the browser clock stops, so neither the timer's
  // reload nor the autosave runs — as on a laptop whose lid was closed), then the learner presses Next.
  if (testInfo.project.name === 'js') await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 500);
  await answer(question(page, 2));
  await page.waitForTimeout(9_000);
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page).toHaveURL(/\/review\?refused=1$/);
  // Time flows again for the rest of the test (the axe scan uses timers).
  if (testInfo.project.name === 'js') await page.clock.resume();
  await expect(page.getByRole('alert')).toHaveText(
    'This attempt was already submitted or its time was up: your last answers were not saved. Everything saved before is kept.',
  );
  await expect(question(page, 1).getByText(/^(Correct|Partially correct|Incorrect)$/)).toBeVisible();
  await expect(question(page, 2).getByText('Not answered', { exact: true })).toBeVisible();
});
