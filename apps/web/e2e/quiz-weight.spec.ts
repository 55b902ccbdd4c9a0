import { expect, test } from './fixtures.ts';
import { measurePageLoad } from './weight.ts';
import { signIn } from './helpers.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

/** The campus budget of issue 2 applies to the attempt page too: under 60 KB compressed (HTML + CSS + JS). */
const BUDGET_BYTES = 60 * 1024;

test('an attempt page stays under 60 KB compressed with its autosave and timer', async ({
  page,
  javaScriptEnabled,
}, testInfo) => {
  test.skip(!javaScriptEnabled, 'measured with JavaScript on (the heavier case)');
  const state = seedState().quizLearner as unknown as QuizLearnerState;
  await signIn(page, state.learners['weight-js']);
  await page.goto(`/cohorts/${state.runningCohort}/assessments/${state.quizzes.week2}`);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page).toHaveURL(/\/attempts\/[\w-]+/);
  const url = page.url();

  const fresh = await page.context().newPage();
  const { resources, byType, gzipBytes: total } = await measurePageLoad(fresh, url);
  await expect(fresh.getByRole('group', { name: /^Question 1 of 10/ })).toBeVisible();
  console.log(
    `attempt page weight: ${JSON.stringify({ requests: resources.length, byType, gzipBytes: total })}`,
  );
  await testInfo.attach('attempt-page-weight.json', {
    body: JSON.stringify({ total, resources }, null, 2),
    contentType: 'application/json',
  });
  expect(resources.filter((r) => r.type === 'document')).toHaveLength(1);
  expect(total).toBeLessThan(BUDGET_BYTES);
  // Server-rendered with one small script (autosave, countdown) instead of the SvelteKit client.
  expect(byType.script).toBeLessThan(5 * 1024);
  await fresh.close();
});
