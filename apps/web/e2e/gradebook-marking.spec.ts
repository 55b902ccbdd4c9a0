import type { TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizStaffState } from './seed-quiz-staff.ts';
import { seedState } from './state.ts';

const staff = (): QuizStaffState => seedState().quizStaff as unknown as QuizStaffState;
/** Each Playwright project grades and overrides its own learner, so the two never collide. */
const project = (testInfo: TestInfo): 'js' | 'no-js' => (testInfo.project.name === 'js' ? 'js' : 'no-js');

test('a tutor grades an essay and the learner grade changes in the gradebook', async ({ page }, testInfo) => {
  const s = staff();
  const learner = s.essay[project(testInfo)];
  await signIn(page, s.tutor);
  await page.goto(`/cohorts/${s.cohortId}/gradebook`);
  await page.getByRole('link', { name: 'Essays to grade' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Essays to grade' })).toBeVisible();
  const essay = page.getByRole('region', { name: `${learner.name} — ${s.week5Title}` });
  await expect(essay.getByRole('heading', { name: 'Question' })).toBeVisible();
  await expect(essay).toContainText('Open the Atlas of Migration profile');
  // The answer is shown as typed: markup is text, not HTML.
  await expect(essay.locator('blockquote')).toHaveText(learner.essay);
  await expect(essay.locator('blockquote b')).toHaveCount(0);
  await expect(essay.getByRole('link', { name: 'Open the whole attempt' })).toHaveAttribute(
    'href',
    new RegExp(`/attempts/[^/]+/review$`),
  );

  // A mark above the maximum is refused; what was typed stays.
  const mark = essay.getByLabel(`Mark for ${learner.name} (out of ${learner.maxMark})`);
  await mark.fill('3');
  await essay.getByLabel('Comment for the learner (optional)').fill('Two indicators named.');
  await essay.getByRole('button', { name: 'Save the mark' }).click();
  const again = page.getByRole('region', { name: `${learner.name} — ${s.week5Title}` });
  await expect(again.getByText('Enter a number from 0 to 2.')).toBeVisible();
  await expect(again.getByLabel(/^Mark for/)).toHaveValue('3');
  await expect(again.getByLabel('Comment for the learner (optional)')).toHaveValue('Two indicators named.');

  // 1,5 out of 2 (a decimal comma is fine).
  await again.getByLabel(/^Mark for/).fill('1,5');
  await again.getByRole('button', { name: 'Save the mark' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Marked. ${learner.name}'s grade for ${s.week5Title} is now ${learner.gradeAfter}.`,
  );
  await expect(page.getByRole('region', { name: `${learner.name} — ${s.week5Title}` })).toHaveCount(0);

  await page.getByRole('link', { name: 'Gradebook', exact: true }).click();
  const row = page.locator('tbody tr', { has: page.getByRole('rowheader', { name: learner.name }) });
  const week5 = row.getByRole('cell').nth(4);
  await expect(week5.getByRole('link', { name: /grade details/ })).toHaveText(
    new RegExp(`^${learner.gradeAfter}\\b`),
  );
  await expect(week5).not.toContainText('awaiting grading');
  await expect(week5).toContainText('passed');
});

test('a manager overrides a grade with a reason and sees it in the gradebook and the history', async ({
  page,
}, testInfo) => {
  const s = staff();
  const learner = s.override[project(testInfo)];
  await signIn(page, s.manager);
  await page.goto(`/cohorts/${s.cohortId}/gradebook`);
  await page
    .getByRole('link', { name: `Week 1, ${learner.name}: grade details and override`, exact: false })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Grade of ${learner.name}: ${s.week1Title}` }),
  ).toBeVisible();
  await expect(page.locator('dd', { hasText: /^\s*40\s*$/ })).toHaveCount(1);
  await expect(page.getByText('This grade has never been overridden.')).toBeVisible();

  // No reason: refused, the typed grade stays.
  await page.getByLabel('New grade (0 to 100)').fill('65');
  await page.getByRole('button', { name: 'Override the grade' }).click();
  await expect(page.getByText('Say why you change the grade.')).toBeVisible();
  await expect(page.getByLabel('New grade (0 to 100)')).toHaveValue('65');

  await page.getByLabel('Reason').fill('Paper exam marked by hand after a power cut');
  await page.getByRole('button', { name: 'Override the grade' }).click();
  await expect(page.getByRole('status')).toHaveText('The grade was overridden.');
  await expect(page.getByTestId('current-grade')).toContainText('65 / 100 (overridden)');
  const history = page.getByRole('table', { name: 'History of overrides' });
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await expect(history.locator('tbody tr')).toContainText('65');
  await expect(history.locator('tbody tr')).toContainText('Paper exam marked by hand after a power cut');
  await expect(history.locator('tbody tr')).toContainText(s.manager.name);

  await page.getByRole('link', { name: `Gradebook: ${s.cohortTitle}` }).click();
  const cell = page
    .locator('tbody tr', { has: page.getByRole('rowheader', { name: learner.name }) })
    .getByRole('cell')
    .first();
  await expect(cell.getByRole('link', { name: /grade details/ })).toHaveText(/^65\b/);
  await expect(cell).toContainText('overridden');
  await expect(cell).toContainText('passed');
});

test('override errors are in French on the French pages', async ({ page }) => {
  const s = staff();
  // Ben's grade is never changed: this form is only submitted with errors.
  const learner = s.learners.ben;
  await signIn(page, s.manager);
  await page.goto(`/fr/cohorts/${s.cohortId}/gradebook/${s.quizzes.week1}/${learner.userId}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Note de ${learner.name} : ${s.week1Title}` }),
  ).toBeVisible();
  await page.getByLabel('Nouvelle note (de 0 à 100)').fill('soixante');
  await page.getByRole('button', { name: 'Modifier la note' }).click();
  await expect(page.getByText('Saisissez un nombre, par exemple 72,5.')).toBeVisible();
  await expect(page.getByText('Indiquez pourquoi vous modifiez la note.')).toBeVisible();
  await expect(page.getByLabel('Nouvelle note (de 0 à 100)')).toHaveValue('soixante');
  // A grade off the scale, with a reason: the reason typed comes back too.
  await page.getByLabel('Nouvelle note (de 0 à 100)').fill('120');
  await page.getByLabel('Motif').fill('Copie corrigée à la main');
  await page.getByRole('button', { name: 'Modifier la note' }).click();
  await expect(page.getByText('Saisissez un nombre de 0 à 100.')).toBeVisible();
  await expect(page.getByText('Indiquez pourquoi vous modifiez la note.')).toHaveCount(0);
  await expect(page.getByLabel('Motif')).toHaveValue('Copie corrigée à la main');
  await expect(page.getByText('Cette note n’a jamais été modifiée.')).toBeVisible();
});
