import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { parseCsv } from './csv.ts';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { LabExerciseSeed, LabExercisesState } from './seed-lab-exercises.ts';
import { seedState, type Account } from './state.ts';

// One cohort per project (seed-lab-exercises.ts); the tests build on each other (answer, then the gradebooks).
test.describe.configure({ mode: 'serial' });

// R's labour force participation rate of foreign-born women on the practice dataset and its SE (R 4.2.2, survey
// 4.1.1; /work/shared/reference/lfs, case lfpr_by_migrant_sex): the right answers come from R, not from the app.
const R = JSON.parse(
  readFileSync(
    join(
      import.meta.dirname,
      '../../../packages/core/src/lab-exercises/testing/fixtures/lfs_small_r_reference.json',
    ),
    'utf8',
  ),
) as {
  cases: { id: string; estimates: { domain: Record<string, string>; estimate: number; se: number }[] }[];
};
const women = R.cases
  .find((c) => c.id === 'lfpr_by_migrant_sex')!
  .estimates.find((e) => e.domain.migrant === 'yes' && e.domain.sex === 'female')!;
const RATE = (women.estimate * 100).toFixed(2); // 64.28
const SE = (women.se * 100).toFixed(3); // 2.040

function world(info: TestInfo): LabExerciseSeed {
  const state = seedState().labExercises as unknown as LabExercisesState;
  return state[info.project.name === 'no-js' ? 'no-js' : 'js'];
}

async function as(page: Page, who: Account): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, who);
}

const TITLE = 'Labour force participation of foreign-born women';

test('a learner answers a Lab exercise: told which answer is off, then graded right', async ({
  page,
}, info) => {
  const w = world(info);
  await as(page, w.people.learner);
  await page.goto(`/cohorts/${w.cohortId}/learn`);
  const required = page.getByRole('region', { name: 'Lab exercises still required' });
  await expect(required.getByRole('listitem').filter({ hasText: TITLE })).toContainText('3 attempts left');
  await required.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText('The data are synthetic')).toBeVisible();
  await expect(page.getByRole('link', { name: /Read the precomputed tables/ })).toHaveAttribute(
    'href',
    '/lab/tables/lfs_small',
  );

  // An empty field uses no attempt, and what was typed stays.
  await page.getByLabel('Labour force participation rate of foreign-born women (%)').fill(RATE);
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a number in every field');
  await expect(page.getByLabel('Labour force participation rate of foreign-born women (%)')).toHaveValue(
    RATE,
  );
  await expect(page.getByText('3 attempts left')).toBeVisible();

  // The SE typed as a proportion is off: the page says which answer, not its value.
  await page.getByLabel('Its standard error (percentage points)').fill(women.se.toFixed(4));
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByRole('status')).toContainText('Attempt 1 recorded. Within the tolerance: 1 of 2.');
  const attempts = page.getByRole('region', { name: 'Your attempts' });
  await expect(attempts.getByRole('listitem').filter({ hasText: /^\W*Its standard error/ })).toContainText(
    'off — outside the tolerance',
  );
  await expect(page.getByRole('region', { name: 'The engine’s values' })).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(SE.slice(0, 4));

  // Right, with a decimal comma for the rate.
  await page
    .getByLabel('Labour force participation rate of foreign-born women (%)')
    .fill(RATE.replace('.', ','));
  await page.getByLabel('Its standard error (percentage points)').fill(SE);
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Attempt 2: every answer is right. Score: 10 of 10 points.',
  );
  await expect(page.getByRole('button', { name: 'Check my answers' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'The engine’s values' })).toContainText('64.275');

  // The learner's gradebook and the course home follow.
  await page.goto(`/cohorts/${w.cohortId}/assessments`);
  await expect(page.getByRole('row', { name: new RegExp(TITLE) })).toContainText('10 of 10 points');
  await page.goto(`/cohorts/${w.cohortId}/learn`);
  await expect(page.getByRole('region', { name: 'Lab exercises still required' })).not.toContainText(TITLE);
});

test('the tutor sees the attempt, the score in the gradebook and in its CSV', async ({ page }, info) => {
  const w = world(info);
  await as(page, w.people.tutor);
  await page.goto(`/cohorts/${w.cohortId}/lab-exercises/${w.key}`);
  const learners = page.getByRole('region', { name: 'Learners' });
  await expect(learners.getByRole('row', { name: /Lina Haddad/ })).toContainText('answered right');
  await expect(page.getByRole('region', { name: /Expected values/ })).toContainText('64.275');
  await page.goto(`/cohorts/${w.cohortId}/gradebook`);
  await expect(page.getByRole('columnheader', { name: new RegExp(TITLE) })).toBeVisible();
  await expect(page.getByRole('row', { name: /Lina Haddad/ })).toContainText('10');
  const csv = parseCsv(await (await page.request.get(`/cohorts/${w.cohortId}/gradebook.csv`)).text());
  const column = csv[0]!.indexOf(`Lab: ${TITLE} (/10)`);
  expect(column).toBeGreaterThan(0);
  expect(csv.find((r) => r[0] === 'Lina Haddad')?.[column]).toBe('10');
});
