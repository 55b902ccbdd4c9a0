import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizStaffState } from './seed-quiz-staff.ts';
import { seedState } from './state.ts';

const staff = (): QuizStaffState => seedState().quizStaff as unknown as QuizStaffState;

/** Every staff page and download of the weekly assessments. */
function staffPaths(s: QuizStaffState): string[] {
  const base = `/cohorts/${s.cohortId}`;
  return [
    `${base}/gradebook`,
    `${base}/gradebook.csv`,
    `${base}/gradebook/${s.quizzes.week1}/${s.learners.ben.userId}`,
    `${base}/grading`,
    `${base}/analysis/${s.quizzes.week1}`,
    `${base}/question-bank.gift`,
  ];
}

test('a learner of the cohort is refused on every staff page and form', async ({ page, baseURL }) => {
  const s = staff();
  await signIn(page, s.learners.ada);
  for (const path of staffPaths(s)) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    const body = await response.text();
    expect(body, path).not.toContain(s.learners.ben.email);
    expect(body, path).not.toContain('$CATEGORY');
  }
  const response = await page.goto(`/cohorts/${s.cohortId}/gradebook`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText('You are not allowed to do this.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  // The forms refuse a learner too (a well-formed POST from the site's own origin).
  const headers = { origin: baseURL! };
  const override = await page.request.post(
    `/cohorts/${s.cohortId}/gradebook/${s.quizzes.week1}/${s.learners.ada.userId}`,
    { form: { intent: 'override', grade: '100', reason: 'I deserve it' }, headers },
  );
  expect(override.status()).toBe(403);
  const grade = await page.request.post(`/cohorts/${s.cohortId}/grading?/grade`, {
    form: { attemptId: 'x', slot: '0', mark: '2' },
    headers,
  });
  expect(grade.status()).toBe(403);
});

test('people outside the cohort get 404 and visitors are sent to sign in', async ({ page }) => {
  const s = staff();
  await signIn(page, s.outsider);
  for (const path of staffPaths(s)) expect((await page.request.get(path)).status(), path).toBe(404);
  const response = await page.goto(`/cohorts/${s.cohortId}/grading`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);

  await page.context().clearCookies();
  await page.goto(`/cohorts/${s.cohortId}/gradebook`);
  await expect(page).toHaveURL(new RegExp(`/signin\\?next=%2Fcohorts%2F${s.cohortId}%2Fgradebook$`));
});

test('a quiz shown under another cohort’s address is not found, even for an admin', async ({ page }) => {
  const s = staff();
  const { admin, cohorts } = seedState();
  await signIn(page, admin);
  // The admin may see this cohort's pages…
  expect((await page.request.get(`/cohorts/${s.cohortId}/analysis/${s.quizzes.week1}`)).status()).toBe(200);
  // …but not this cohort's quiz under another cohort's URL.
  const elsewhere = `/cohorts/${cohorts.running}`;
  expect((await page.request.get(`${elsewhere}/analysis/${s.quizzes.week1}`)).status()).toBe(404);
  const response = await page.goto(`${elsewhere}/gradebook/${s.quizzes.week1}/${s.learners.ben.userId}`);
  expect(response?.status()).toBe(404);
});
