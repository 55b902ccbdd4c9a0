import type { TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

// The French site names the course, its weeks, modules and weekly assessments in French (course.yaml, module.yaml
// and weekly-assessments.yaml give the French); only the lessons stay in English, marked as such.

const COURSE_FR = 'Mesurer et analyser les migrations de main-d’œuvre';
const quiz = (): QuizLearnerState => seedState().quizLearner as unknown as QuizLearnerState;
const learner = (info: TestInfo) => quiz().learners[`layout-${info.project.name === 'js' ? 'js' : 'nojs'}`];

test('the French course page gives the title, overview, outcomes and modules in French', async ({ page }) => {
  await page.goto('/fr/courses/measuring-labour-migration');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COURSE_FR);
  const overview = page.getByRole('region', { name: 'Présentation' });
  await expect(overview.getByText(/^De plus en plus de personnes traversent les frontières/)).toBeVisible();
  await expect(
    page.getByText(/^Expliquer les définitions, les termes et les résolutions de la CIST/),
  ).toBeVisible();
  await expect(page.getByText('Panorama des statistiques du travail').first()).toBeVisible();
  // French text is not marked as English.
  await expect(page.getByText(/^De plus en plus de personnes/)).not.toHaveAttribute('lang', 'en');
});

test('My courses, the course home and the assessments show the French titles', async ({ page }, testInfo) => {
  const { runningCohort, quizzes } = quiz();
  await signIn(page, learner(testInfo));
  await page.goto('/fr/my');
  await expect(page.getByRole('link', { name: COURSE_FR }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Measuring and Analyzing Labour Migration' })).toHaveCount(0);

  await page.goto(`/fr/cohorts/${runningCohort}/learn`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COURSE_FR);
  await expect(
    page.getByRole('heading', {
      level: 3,
      name: /^Semaine 1\s*: Statistiques du travail et normes internationales$/,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /^Module 1\s*: Panorama des statistiques du travail$/ }).first(),
  ).toBeVisible();

  // The module page gives the module's overview in French, not marked as English.
  await page.goto(`/fr/cohorts/${runningCohort}/learn/01-overview-of-labour-statistics`);
  const overview = page.getByText(
    /^Les statistiques des migrations de main-d’œuvre sont d’abord des statistiques/,
  );
  await expect(overview).toBeVisible();
  await expect(page.locator('.prose[lang="en"]').filter({ has: overview })).toHaveCount(0);

  await page.goto(`/fr/cohorts/${runningCohort}/assessments`);
  const week2 =
    /^Évaluation des connaissances de la semaine 2\s*: estimations mondiales et base de données ILMS$/;
  const link = page.getByRole('table').getByRole('link', { name: week2 });
  await expect(link).toBeVisible();
  await expect(link).not.toHaveAttribute('lang', 'en');
  await expect(page.getByText(/Week 2 knowledge assessment/)).toHaveCount(0);

  await page.goto(`/fr/cohorts/${runningCohort}/assessments/${quizzes.week2}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(week2);
  // The English site keeps the English titles.
  await page.goto(`/cohorts/${runningCohort}/assessments/${quizzes.week2}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Week 2 knowledge assessment: global estimates and the ILMS database',
  );
});
