import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { holdScripts, signIn } from './helpers.ts';
import type { AssignmentSeed, AssignmentsState } from './seed-assignments.ts';
import { seedState, type Account } from './state.ts';

// One cohort per project (seed-assignments.ts); the tests of this file build on each other (hand in, then grade).
test.describe.configure({ mode: 'serial' });
// Scripts are held back in some tests (holdScripts); the service worker would serve them from its cache.
test.use({ serviceWorkers: 'block' });

const FIXTURES = join(import.meta.dirname, '../../../packages/core/src/files/fixtures');
const pdf = {
  name: 'country-note.pdf',
  mimeType: 'application/pdf',
  buffer: readFileSync(join(FIXTURES, 'sample.pdf')),
};
// An HTML page named like a picture: refused by its content, whatever its name says.
const disguised = {
  name: 'chart.png',
  mimeType: 'image/png',
  buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
};

function world(info: TestInfo): AssignmentSeed {
  const state = seedState().assignments as unknown as AssignmentsState;
  return state[info.project.name === 'no-js' ? 'no-js' : 'js'];
}
const pathOf = (w: AssignmentSeed, key: string) => `/cohorts/${w.cohortId}/assignments/${key}`;

async function as(page: Page, who: Account): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, who);
}

test('a learner hands in the final assignment with a file; a disguised file is refused and the text kept', async ({
  page,
}, info) => {
  const w = world(info);
  await as(page, w.people.solo);
  await page.goto(`/cohorts/${w.cohortId}/assignments`);
  await expect(page.getByRole('heading', { level: 2, name: 'Still required' })).toBeVisible();
  await page
    .getByRole('link', { name: /statistical note/i })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rubric' })).toBeVisible();
  const text = 'Sources: the 2023 LFS (birth and citizenship) and the work-permit register.';
  await page.getByLabel('Your text').fill(text);
  await page.getByLabel('Add files').setInputFiles(disguised);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('alert')).toContainText('chart.png');
  await expect(page.getByLabel('Your text')).toHaveValue(text);
  await page.getByLabel('Add files').setInputFiles(pdf);
  await page.getByRole('button', { name: 'Hand in for grading' }).click();
  await expect(page.getByText('Your work is handed in for grading.')).toBeVisible();
  await expect(page.getByRole('link', { name: pdf.name })).toBeVisible();
  await expect(page.getByText(`Handed in by ${w.people.solo.name}`)).toBeVisible();
  const href = (await page.getByRole('link', { name: pdf.name }).getAttribute('href')) ?? '';
  const file = await page.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');
  // Another learner never reaches it: not the file, not the text.
  await as(page, w.people.g1);
  expect((await page.request.get(href)).status()).toBe(404);
  await page.goto(pathOf(w, w.keys.final));
  await expect(page.getByText(text)).toHaveCount(0);
});

test('a group member hands in for the group; the other member sees it and who did it', async ({
  page,
}, info) => {
  const w = world(info);
  await as(page, w.people.g1);
  await page.goto(pathOf(w, w.keys.group));
  await expect(page.getByText(/Group Andes/)).toBeVisible();
  const text =
    'Matrix: the skills strategy and the seasonal-worker scheme conflict on recognition of skills.';
  if (info.project.name === 'no-js') {
    await page.getByLabel('Your text').fill(text);
    await page.getByRole('button', { name: 'Hand in for grading' }).click();
  } else {
    // The autosave reaches the server but its answer is held back while the learner hands in: the hand-in waits
    // for it and carries the version it made (it once reported the learner's own autosave as another's change).
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived = (): void => undefined;
    const savedOnServer = new Promise<void>((resolve) => (arrived = resolve));
    await page.route('**/autosave', async (route) => {
      const response = await route.fetch();
      arrived();
      await held;
      await route.fulfill({ response });
    });
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
    await page.getByLabel('Your text').fill(text);
    await savedOnServer;
    await page.getByRole('button', { name: 'Hand in for grading' }).click();
    release();
  }
  await expect(page.getByText('Your work is handed in for grading.')).toBeVisible();

  await as(page, w.people.g2);
  await page.goto(pathOf(w, w.keys.group));
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.getByText(`Handed in by ${w.people.g1.name}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Who changed what' })).toBeVisible();
  await expect(page.getByText(`${w.people.g1.name}: handed the work in`)).toBeVisible();
  // The learner on their own sees no group work (and is told they have no group).
  await as(page, w.people.solo);
  await page.goto(pathOf(w, w.keys.group));
  await expect(page.getByText(text)).toHaveCount(0);
});

test('a tutor grades with the rubric and releases; the learner sees the grade and feedback only after release', async ({
  page,
}, info) => {
  const w = world(info);
  await as(page, w.people.tutor);
  await page.goto(`${pathOf(w, w.keys.final)}/submissions?scope=all`);
  const grading = (await page.getByRole('link', { name: w.people.solo.name }).getAttribute('href')) ?? '';
  // With JavaScript the tutor marks before the page's script has arrived, as on a slow connection: hydration must
  // keep every tick and the feedback (it once reset them, and the form went without them).
  const js = info.project.name !== 'no-js';
  const release = js ? await holdScripts(page) : () => {};
  await page.goto(grading, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { level: 1, name: `Grading: ${w.people.solo.name}` })).toBeVisible();
  const sets = page.locator('form fieldset:has(input[type="radio"])');
  const count = await sets.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) await sets.nth(i).getByRole('radio').last().check();
  const feedback = 'A clear note; add the SDG 10.7.1 survey year.';
  await page.getByLabel('Feedback', { exact: true }).fill(feedback);
  if (js) {
    await expect(page.locator('html')).not.toHaveAttribute('data-hydrated');
    release();
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
    for (let i = 0; i < count; i++) await expect(sets.nth(i).getByRole('radio').last()).toBeChecked();
    await expect(page.getByLabel('Feedback', { exact: true })).toHaveValue(feedback);
  }
  await page.getByRole('button', { name: 'Save and mark ready' }).click();
  await expect(page.getByText('Grade saved and marked ready.')).toBeVisible();

  await as(page, w.people.solo);
  await page.goto(pathOf(w, w.keys.final));
  await expect(page.getByRole('heading', { level: 2, name: 'Your work' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your grade' })).toHaveCount(0);
  await expect(page.getByText('add the SDG 10.7.1 survey year')).toHaveCount(0);

  await as(page, w.people.tutor);
  await page.goto(`${pathOf(w, w.keys.final)}/submissions?scope=all`);
  await page.getByRole('button', { name: 'Release every grade marked ready' }).click();
  await expect(page.getByText('1 grade released')).toBeVisible();

  await as(page, w.people.solo);
  await page.goto(pathOf(w, w.keys.final));
  await expect(page.getByRole('heading', { name: 'Your grade' })).toBeVisible();
  await expect(page.getByText('Grade: 100 / 100.')).toBeVisible();
  // Its table by criterion is a region named apart from the rubric section (axe: landmarks with one name).
  await expect(page.getByRole('region', { name: 'Your grade by criterion' })).toBeVisible();
  await expect(page.getByText('add the SDG 10.7.1 survey year')).toBeVisible();
  await page.goto(`/cohorts/${w.cohortId}/assessments`);
  await expect(page.getByText('You passed the final assignment.')).toBeVisible();
});

test('late work is accepted and flagged until the cut-off; a closed assignment says when it closed', async ({
  page,
}, info) => {
  const w = world(info);
  await as(page, w.people.solo);
  await page.goto(pathOf(w, w.keys.late));
  await expect(page.getByText(/The due date has passed\. You can still hand in until/)).toBeVisible();
  const text = 'Sample size: n0 = 384, deff 1.8, response 0.8, screening 1 in 9.';
  await page.getByLabel('Your text').fill(text);
  // A file over this assignment's 10 MB limit (and over the ordinary form limit): refused with the limit, text kept.
  const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
  big.write('%PDF-1.4\n');
  await page
    .getByLabel('Add files')
    .setInputFiles({ name: 'survey-plan.pdf', mimeType: 'application/pdf', buffer: big });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('alert')).toContainText('“survey-plan.pdf” is larger than 10');
  await expect(page.getByLabel('Your text')).toHaveValue(text);
  await page.getByRole('button', { name: 'Hand in late for grading' }).click();
  await expect(page.getByText('Your work is handed in for grading.')).toBeVisible();
  await expect(page.locator('strong', { hasText: 'late' })).toBeVisible();

  await page.goto(pathOf(w, w.keys.closed));
  await expect(
    page.getByText(/This assignment closed on .+\. Work can no longer be handed in\./).first(),
  ).toBeVisible();
  await expect(page.getByLabel('Your text')).toHaveCount(0);
  // A post made anyway is refused, with the date it closed.
  const origin = new URL(page.url()).origin;
  const refused = await page.request.post(`${pathOf(w, w.keys.closed)}?/save`, {
    headers: { origin, accept: 'application/json' },
    form: { body: 'Too late', version: '' },
  });
  expect(await refused.text()).toMatch(/closed on/);
});
