import { test as plain, type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { forumPaths, forumWorld } from './forums-helpers.ts';
import { signIn } from './helpers.ts';
import { expectNoSidewaysScroll } from './layout.ts';
import type { AssignmentsState } from './seed-assignments.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

// The learner journey on a 390 px phone: no page may scroll sideways (wide tables and code scroll inside their own
// box), and a quiz option's radio button or checkbox sits right beside its label. The pages around the course
// (forums, groups, assignments, notifications, profile, certificates, the Lab) fit the screen too, a form's hint and
// control sit right under its label, and a page's last button keeps its distance from the footer.

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

/** A field's label, hint and control follow each other closely (no paragraph margins between them). */
async function expectFieldTogether(page: Page, label: string): Promise<void> {
  const control = page.getByLabel(label, { exact: true });
  const id = await control.getAttribute('id');
  const hintId = (await control.getAttribute('aria-describedby'))?.split(' ')[0];
  const l = (await page.locator(`label[for="${id}"]`).boundingBox())!;
  const h = (await page.locator(`#${hintId}`).boundingBox())!;
  const c = (await control.boundingBox())!;
  expect(
    h.y - (l.y + l.height),
    `the hint of "${label}" is ${h.y - (l.y + l.height)} px under its label`,
  ).toBeLessThan(12);
  expect(c.y - (h.y + h.height), `"${label}" is ${c.y - (h.y + h.height)} px under its hint`).toBeLessThan(
    12,
  );
  expect(c.y - (h.y + h.height)).toBeGreaterThanOrEqual(0);
}

/** The end of the page's content is at least 2rem above the footer (a last button must not touch it). */
async function expectRoomAboveFooter(page: Page): Promise<void> {
  const room = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const last = [...main.querySelectorAll('*')].reduce(
      (max, el) => Math.max(max, el.getBoundingClientRect().bottom),
      0,
    );
    return document.querySelector('footer')!.getBoundingClientRect().top - last;
  });
  expect(room, `${page.url()}: the content ends ${room} px above the footer`).toBeGreaterThanOrEqual(32);
}

test('at 390 px the forums, groups, notifications, profile, certificates and Lab pages fit the screen', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  const w = forumWorld(testInfo);
  const paths = forumPaths(w);
  // The manager: the staff groups page, where each member's move control must be on screen, not in a scroll box.
  await signIn(page, w.people.manager);
  await page.goto(paths.groups);
  await expectNoSidewaysScroll(page);
  const moves = await page.getByRole('button', { name: 'Move', exact: true }).all();
  expect(moves.length, 'the seeded groups have members').toBeGreaterThan(1);
  for (const move of moves) {
    const box = (await move.boundingBox())!;
    expect(box.x + box.width, 'a Move button ends inside the screen').toBeLessThanOrEqual(PHONE.width);
  }
  for (const path of [
    paths.index,
    paths.forum(w.forums.general),
    paths.search('survey'),
    paths.group(w.groups.a),
    '/notifications',
    '/profile',
    '/my/certificates',
    '/lab',
    '/lab/datasets',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectNoSidewaysScroll(page);
  }
  await page.goto('/notifications');
  await expectRoomAboveFooter(page);
  await page.goto(paths.forum(w.forums.general));
  await expectRoomAboveFooter(page);
});

test('at 390 px an assignment and its submissions fit the screen, with each hint right under its label', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize(PHONE);
  const w = (seedState().assignments as unknown as AssignmentsState)[
    testInfo.project.name === 'no-js' ? 'no-js' : 'js'
  ];
  // An open individual assignment that the assignment specs leave alone, so its form is there whatever ran before.
  const assignment = `/cohorts/${w.cohortId}/assignments/w4-national-data-system`;
  await signIn(page, w.people.g2);
  await page.goto(`/cohorts/${w.cohortId}/assignments`);
  await expectNoSidewaysScroll(page);
  await page.goto(assignment);
  await expectNoSidewaysScroll(page);
  await expectFieldTogether(page, 'Your text');
  await expectFieldTogether(page, 'Add files');
  // The two buttons of the form are apart, side by side or one under the other.
  const a = (await page.getByRole('button', { name: 'Save draft' }).boundingBox())!;
  const b = (await page.getByRole('button', { name: /^Hand in/ }).boundingBox())!;
  expect(
    Math.max(b.x - (a.x + a.width), b.y - (a.y + a.height)),
    'room between the buttons',
  ).toBeGreaterThanOrEqual(8);
  await expectRoomAboveFooter(page);

  await page.context().clearCookies();
  await signIn(page, w.people.tutor);
  await page.goto(`${assignment}/submissions?scope=all`);
  await expectNoSidewaysScroll(page);
});
