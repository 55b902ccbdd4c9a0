import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizStaffState } from './seed-quiz-staff.ts';
import { seedState } from './state.ts';
import { parseCsv } from './csv.ts';

const staff = (): QuizStaffState => seedState().quizStaff as unknown as QuizStaffState;

/** The gradebook row of a learner (its cells: week 1 … week 6, then "All passed"). */
const rowOf = (page: Page, name: string) =>
  page.locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });

test('a tutor sees the gradebook with the seeded grades and the per-assessment summary', async ({ page }) => {
  const s = staff();
  await signIn(page, s.tutor);
  await page.goto(`/cohorts/${s.cohortId}/gradebook`);
  await expect(page.getByRole('heading', { level: 1, name: `Gradebook: ${s.cohortTitle}` })).toBeVisible();
  const table = page.getByRole('table', { name: /Weekly assessment grades of 8 learners/ });
  // Learner, six weeks, "all passed", then the course's eight assignments and its four Lab exercises.
  await expect(table.getByRole('columnheader')).toHaveCount(20);
  await expect(
    table.getByRole('columnheader', { name: /Labour force participation of foreign-born women/ }),
  ).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /Final assignment/ })).toBeVisible();
  for (const l of Object.values(s.learners)) {
    const week1 = rowOf(page, l.name).getByRole('cell').first();
    await expect(week1.getByRole('link', { name: /grade details and override/ })).toHaveText(
      new RegExp(`^${l.week1}\\b`),
    );
    await expect(week1).toContainText(l.week1! >= 60 ? 'passed' : 'not passed');
    await expect(week1).toContainText('Attempts: 1');
  }
  // The attempt links go to the review pages.
  const ben = rowOf(page, s.learners.ben.name).getByRole('cell').first();
  await expect(ben.getByRole('link', { name: /^#1/ })).toHaveAttribute(
    'href',
    new RegExp(`^/cohorts/${s.cohortId}/attempts/[^/]+/review$`),
  );
  // Essays wait for a tutor: no grade yet, awaiting grading (unless this run already graded one).
  await expect(rowOf(page, s.essay['no-js'].name).getByRole('cell').nth(4)).toContainText(
    /awaiting grading|86/,
  );
  const attempted = page.locator('tfoot tr', { has: page.getByRole('rowheader', { name: 'Attempted' }) });
  await expect(attempted.getByRole('cell').first()).toHaveText('6');
  await expect(attempted.getByRole('cell').nth(4)).toHaveText('2');
  await expect(attempted.getByRole('cell').nth(1)).toHaveText('0');
});

test('a tutor downloads the gradebook as CSV and it holds the grades the answers earn', async ({ page }) => {
  const s = staff();
  await signIn(page, s.tutor);
  await page.goto(`/cohorts/${s.cohortId}/gradebook`);
  const link = page.getByRole('link', { name: 'Download the gradebook (CSV)' });
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="gradebook-.+\.csv"$/);
  const [header, ...rows] = parseCsv(await response.text());
  const week1 = header.indexOf(`${s.week1Title} (/100)`);
  const week5 = header.indexOf(`${s.week5Title} (/100)`);
  expect(header.slice(0, 3)).toEqual(['name', 'email', 'status']);
  expect(header[9]).toBe('passed_all');
  // The assignments follow, then whether the final assignment is passed, then the Lab exercises' best scores.
  const finalPassed = header.indexOf('final_passed');
  expect(finalPassed).toBe(3 + 6 + 1 + 8);
  expect(header.slice(finalPassed + 1).map((h) => h.slice(0, 5))).toEqual([
    'Lab: ',
    'Lab: ',
    'Lab: ',
    'Lab: ',
  ]);
  expect(week1).toBe(3);
  expect(week5).toBe(7);
  expect(rows).toHaveLength(8);
  for (const l of Object.values(s.learners)) {
    const row = rows.find((r) => r[1] === l.email)!;
    expect(row[0]).toBe(l.name);
    expect(row[2]).toBe('active');
    expect(row[week1]).toBe(String(l.week1));
    expect(row[week5]).toBe('');
    expect(row[9]).toBe('no');
    expect(row[finalPassed]).toBe('no');
    expect(row.slice(finalPassed + 1)).toEqual(['', '', '', '']);
  }
});

test('the item analysis lists the questions of week 1 with their statistics', async ({ page }) => {
  const s = staff();
  await signIn(page, s.tutor);
  await page.goto(`/cohorts/${s.cohortId}/gradebook`);
  await page.getByRole('link', { name: 'Analysis (Week 1)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Item analysis: ${s.week1Title}` })).toBeVisible();
  await expect(page.getByText(`First attempts analysed: ${s.week1Takers}.`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Statistics per question (per cent)' });
  await expect(table.getByRole('columnheader', { name: 'Discrimination index' })).toBeVisible();
  for (const name of s.fixedWeek1Questions) expect(s.week1Items[name].n).toBe(s.week1Takers);
  // n and facility of every question, from which answers the seed gave (each answer all right or blank); flags
  // for very easy (> 95) and very hard (< 20) questions.
  await expect(table.locator('tbody tr')).toHaveCount(Object.keys(s.week1Items).length);
  for (const [name, { n, right }] of Object.entries(s.week1Items)) {
    const row = table.locator('tbody tr', {
      has: page.getByRole('rowheader', { name: new RegExp(`^${name}(?![\\w-])`) }),
    });
    const cells = row.getByRole('cell');
    const facility = (100 * right) / n;
    await expect(cells.first()).toHaveText(String(n));
    await expect(cells.nth(1)).toHaveText(facility.toFixed(1));
    const flags = cells.nth(5);
    if (facility > 95) await expect(flags).toContainText('Very easy (facility above 95)');
    else if (facility < 20) await expect(flags).toContainText('Very hard (facility below 20)');
    else await expect(flags).not.toContainText(/Very (easy|hard)/);
  }
  await expect(page.getByRole('heading', { level: 2, name: 'What the figures mean' })).toBeVisible();
  await page.getByLabel('All attempts').check();
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/\?attempts=all$/);
  await expect(page.getByText(`Attempts analysed: ${s.week1Takers}.`)).toBeVisible();
  await expect(page.getByLabel('All attempts')).toBeChecked();
});

test('a tutor downloads the question bank as GIFT for Moodle', async ({ page }) => {
  const s = staff();
  await signIn(page, s.tutor);
  await page.goto(`/cohorts/${s.cohortId}/grading`);
  const link = page.getByRole('link', { name: 'Download the question bank (GIFT, for Moodle)' });
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toMatch(
    /^attachment; filename="question-bank-.+\.gift"$/,
  );
  const gift = await response.text();
  expect(gift).toMatch(/^\$CATEGORY: ?week-1\/01-overview-of-labour-statistics$/m);
  expect(gift).toContain('::w1-icls-year::');
  expect(gift).toContain('::w5-atlas-reflection::');
});

test('on a phone the gradebook scrolls inside its own box, not the whole page', async ({ page }) => {
  const s = staff();
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, s.tutor);
  await page.goto(`/cohorts/${s.cohortId}/gradebook`);
  const box = page.getByRole('region', { name: /Weekly assessment grades/ });
  await expect(box).toBeVisible();
  const widths = await box.evaluate((el) => ({
    box: el.clientWidth,
    table: el.scrollWidth,
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.table).toBeGreaterThan(widths.box);
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  // The learner names stay readable in the first column.
  await expect(page.getByRole('rowheader', { name: s.learners.ada.name })).toBeVisible();
});
