import { test as plain, type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { expectNoSidewaysScroll } from './layout.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

// The learner journey on a 390 px phone: no page may scroll sideways (wide tables and code scroll inside their own
// box), and a quiz option's radio button or checkbox sits right beside its label.

const PHONE = { width: 390, height: 844 };
const quiz = (): QuizLearnerState => seedState().quizLearner as unknown as QuizLearnerState;
const learner = (info: TestInfo) => quiz().learners[`layout-${info.project.name === 'js' ? 'js' : 'nojs'}`];

/** Every radio button and checkbox of the page's questions: narrow, and its label starts right beside it. */
async function expectOptionsBesideLabels(page: Page): Promise<number> {
  const options = await page.locator('fieldset input[type="radio"], fieldset input[type="checkbox"]').all();
  for (const input of options) {
    const id = await input.getAttribute('id');
    const label = page.locator(`label[for="${id}"]`);
    const a = (await input.boundingBox())!;
    const b = (await label.boundingBox())!;
    expect(a.width, `the option ${id} is ${a.width} px wide`).toBeLessThan(40);
    const gap = b.x - (a.x + a.width);
    expect(gap, `the label of ${id} starts ${gap} px from its input`).toBeGreaterThanOrEqual(0);
    expect(gap, `the label of ${id} starts ${gap} px from its input`).toBeLessThan(24);
    // On the label's first line, not above or below it.
    expect(Math.abs(a.y + a.height / 2 - (b.y + Math.min(b.height, 30) / 2))).toBeLessThan(16);
  }
  return options.length;
}

plain(
  'at 390 px no page of the course (home, modules, lessons, slides, glossary, calendar) scrolls sideways',
  async ({ page }, testInfo) => {
    plain.setTimeout(240_000);
    await page.setViewportSize(PHONE);
    // A cohort in its last week: every module is open.
    const cohort = quiz().lastWeekCohort;
    await signIn(page, learner(testInfo));
    const home = `/cohorts/${cohort}/learn`;
    const seen = new Set<string>([home]);
    const queue = [home];
    const prefix = new RegExp(`^/cohorts/${cohort}/learn/[^?#]+`);
    while (queue.length > 0) {
      const path = queue.shift()!;
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoSidewaysScroll(page);
      const hrefs = await page
        .locator('main a[href]:not([download])')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const href of hrefs) {
        const match = prefix.exec(href)?.[0];
        if (match && !/\.\w+$|\/offline$/.test(match) && !seen.has(match)) {
          seen.add(match);
          queue.push(match);
        }
      }
    }
    // Ten modules, each with its lessons and its slides, were looked at.
    expect([...seen].filter((p) => p.endsWith('/slides'))).toHaveLength(10);
    expect(seen.size).toBeGreaterThan(40);
  },
);

test('at 390 px an attempt and its review fit the screen and every option sits beside its label', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  const { weekOneCohort, quizzes } = quiz();
  await signIn(page, learner(testInfo));
  await page.goto(`/cohorts/${weekOneCohort}/assessments`);
  await expectNoSidewaysScroll(page);
  await page.goto(`/cohorts/${weekOneCohort}/assessments/${quizzes.week1}`);
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: /^(Start the assessment|Resume your attempt)$/ }).click();
  await expect(page).toHaveURL(/\/attempts\/[\w-]+/);
  const attempt = page.url().replace(/\?.*$/, '');
  // Every page of the attempt; the choice questions among them are checked option by option.
  let options = 0;
  for (let n = 1; n <= 10; n++) {
    await page.goto(`${attempt}?page=${n}`);
    await expect(page.getByRole('group', { name: new RegExp(`^Question ${n} of`) })).toBeVisible();
    await expectNoSidewaysScroll(page);
    options += await expectOptionsBesideLabels(page);
    const radio = page.getByRole('radio');
    if ((await radio.count()) > 0) await radio.first().check();
    const boxes = page.getByRole('checkbox');
    if ((await boxes.count()) > 0) await boxes.first().check();
    if ((await radio.count()) + (await boxes.count()) > 0)
      await page.getByRole('button', { name: 'Check this answer' }).click();
  }
  expect(options, 'the week 1 assessment has choice questions').toBeGreaterThan(4);
  await page.getByRole('button', { name: 'Finish attempt…' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Summary of your attempt' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'Submit all and finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Review of attempt/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
  expect(await expectOptionsBesideLabels(page)).toBeGreaterThan(4);
});
