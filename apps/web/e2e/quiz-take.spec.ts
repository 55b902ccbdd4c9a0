import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

const quiz = (): QuizLearnerState => seedState().quizLearner as unknown as QuizLearnerState;
const learner = (name: string, info: TestInfo) =>
  quiz().learners[`${name}-${info.project.name === 'js' ? 'js' : 'nojs'}`];

/** The fieldset of question `n` on the page. */
const question = (page: Page, n: number): Locator =>
  page.getByRole('group', { name: new RegExp(`^Question ${n} of`) });

/** Answers a question whatever its type: first option, second choice of every select, or a typed number. */
async function answer(q: Locator): Promise<void> {
  if ((await q.getByRole('radio').count()) > 0) return q.getByRole('radio').first().check();
  if ((await q.getByRole('checkbox').count()) > 0) return q.getByRole('checkbox').first().check();
  const selects = q.getByRole('combobox');
  for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
  if ((await q.getByRole('textbox').count()) > 0) await q.getByRole('textbox').fill('12.5');
}

/** Checks that `answer` is still there (after a reload or on another page). */
async function expectAnswered(q: Locator): Promise<void> {
  if ((await q.getByRole('radio').count()) > 0) return expect(q.getByRole('radio').first()).toBeChecked();
  if ((await q.getByRole('checkbox').count()) > 0)
    return expect(q.getByRole('checkbox').first()).toBeChecked();
  const selects = q.getByRole('combobox');
  for (let i = 0; i < (await selects.count()); i++) await expect(selects.nth(i)).not.toHaveValue('');
  if ((await q.getByRole('textbox').count()) > 0) await expect(q.getByRole('textbox')).toHaveValue('12.5');
}

test('a learner takes the week 1 assessment across pages, checks an answer, resumes in a new page and submits', async ({
  page,
  context,
}, testInfo) => {
  const js = testInfo.project.name === 'js';
  const { weekOneCohort, quizzes } = quiz();
  await signIn(page, learner('take', testInfo));
  await page.goto(`/cohorts/${weekOneCohort}/assessments`);
  await expect(page.getByRole('heading', { level: 1, name: 'Weekly assessments' })).toBeVisible();
  await expect(page.getByText('time zone (Europe/Paris)')).toBeVisible();
  const row = page.getByRole('row', { name: /Week 1 knowledge assessment/ });
  await expect(row).toContainText('Open');
  await expect(row).toContainText('0 of 3');
  await expect(row).toContainText('To do: take the assessment');
  await row.getByRole('link').click();

  await expect(page.getByRole('heading', { level: 1, name: /Week 1 knowledge assessment/ })).toBeVisible();
  await expect(page.getByText('30 minutes')).toBeVisible();
  await expect(page.getByText('Immediately: check each answer as you go')).toBeVisible();
  await expect(page.getByText('60 / 100')).toBeVisible();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page).toHaveURL(/\/attempts\/[\w-]+/);
  const attemptUrl = page.url().replace(/\?.*$/, '');

  // Pages 1 and 2: answer and move on with Next (the answers are saved on every page change).
  await expect(question(page, 1)).toBeVisible();
  await expect(page.getByText('Time left')).toBeVisible();
  await answer(question(page, 1));
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(question(page, 2)).toBeVisible();
  await answer(question(page, 2));
  await page.getByRole('button', { name: 'Next question' }).click();

  // Page 3: immediate feedback — Check grades and locks the question.
  await expect(question(page, 3)).toBeVisible();
  await answer(question(page, 3));
  await page.getByRole('button', { name: 'Check this answer' }).click();
  await expect(question(page, 3).getByText(/^(Correct|Partially correct|Incorrect)$/)).toBeVisible();
  await expect(question(page, 3).getByText(/^The right answer: /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check this answer' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Question 3, checked, current' })).toBeVisible();

  if (js) {
    // Page 4 is answered without leaving it: the autosave keeps it.
    await page.getByRole('button', { name: 'Next question' }).click();
    await expect(question(page, 4)).toBeVisible();
    await answer(question(page, 4));
    await expect(page.getByText(/^Saved at \d\d:\d\d:\d\d$/)).toBeVisible();
  }

  // The tab is closed; a new one resumes the attempt with every answer in place.
  await page.close();
  const again = await context.newPage();
  await again.goto(`/cohorts/${weekOneCohort}/assessments/${quizzes.week1}`);
  await expect(again.getByRole('cell', { name: 'In progress' })).toBeVisible();
  await again.getByRole('button', { name: 'Resume your attempt' }).click();
  // It opens where the learner stopped: the first question still to answer (4 was autosaved with JavaScript).
  const next = js ? 5 : 4;
  await expect(again).toHaveURL(new RegExp(`${attemptUrl}\\?page=${next}$`));
  await expect(question(again, next)).toBeVisible();
  await again.getByRole('button', { name: 'Question 1, answered' }).click();
  await expectAnswered(question(again, 1));
  await again.getByRole('button', { name: 'Question 2, answered' }).click();
  await expectAnswered(question(again, 2));
  await again.getByRole('button', { name: /^Question 3, checked/ }).click();
  await expect(question(again, 3).getByText(/^The right answer: /)).toBeVisible();
  if (js) {
    await again.getByRole('button', { name: 'Question 4, answered' }).click();
    await expectAnswered(question(again, 4));
  }

  // Finish: the summary counts the answers, then Submit leads to the review.
  await again.getByRole('button', { name: 'Finish attempt…' }).click();
  await expect(again.getByRole('heading', { level: 2, name: 'Summary of your attempt' })).toBeVisible();
  const answered = js ? 4 : 3;
  await expect(again.getByText(`Answered: ${answered}. Not answered: ${10 - answered}.`)).toBeVisible();
  await again.getByRole('button', { name: 'Submit all and finish' }).click();
  await expect(again.getByRole('heading', { level: 1, name: 'Review of attempt 1' })).toBeVisible();
  await expect(again.getByText(/^Grade: [\d.]+ out of 100/)).toBeVisible();
  await expect(again.getByText('Pass mark: 60')).toBeVisible();
  // Every question shows its state and right answer now; the unanswered ones say so.
  await expect(again.getByText(/^The right answer: /)).toHaveCount(10);
  await expect(again.getByText('Not answered', { exact: true })).toHaveCount(10 - answered);

  await again.getByRole('link', { name: 'Week 1' }).last().click();
  await expect(again.getByRole('link', { name: 'Review attempt 1' })).toBeVisible();
  await expect(again.getByRole('button', { name: 'Start a new attempt' })).toBeVisible();
});
