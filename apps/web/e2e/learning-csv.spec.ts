import { expect, test } from './fixtures.ts';
import { signIn, signUpNew } from './helpers.ts';
import { seedState } from './state.ts';
import { parseCsv } from './csv.ts';

const HEADERS = ['name', 'email', 'status', 'lessons_done', 'lessons_total', 'hours_done', 'hours_total'];

test('the cohort progress CSV has its headers, the learner’s row as they did it, and defused formulas', async ({
  page,
}) => {
  const { tutor, cohorts } = seedState();
  // A newcomer whose name would be a spreadsheet formula joins the Spring cohort (week 1 open) and does lesson 1.
  const learner = await signUpNew(page, 'csv', '=2+3 Formula');
  await page.goto('/courses');
  await page.getByRole('link', { name: 'Measuring and Analyzing Labour Migration' }).click();
  const cohort = page.getByRole('region', { name: 'Spring cohort' });
  await cohort.getByLabel('Why do you want to take this course?').fill('Progress export test.');
  await cohort.getByRole('button', { name: 'Apply and enrol' }).click();
  await expect(cohort.getByRole('status')).toHaveText('You are enrolled. See it in My courses.');

  await page.goto(`/cohorts/${cohorts.open}/learn/01-overview-of-labour-statistics/01-why-labour-statistics`);
  const lessonTitle = (await page.locator('article h1').textContent())!.trim();
  const before = Date.now();
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByRole('status')).toHaveText('Lesson marked as done.');
  const after = Date.now();

  await page.context().clearCookies();
  await signIn(page, tutor);
  const response = await page.request.get(`/cohorts/${cohorts.open}/learn/progress.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  // UTF-8 with a byte order mark, so that Excel shows accented names as they are.
  expect([...(await response.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = await response.text();
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  const [header, ...rows] = parseCsv(text);

  expect(header!.slice(0, 7)).toEqual(HEADERS);
  const lessons = header!.slice(7);
  expect(lessons.length).toBeGreaterThanOrEqual(20);
  for (const h of lessons) expect(h).toMatch(/^M\d\d L\d+ \S/);
  const first = lessons.indexOf(`M01 L1 ${lessonTitle}`);
  expect(first, `a column "M01 L1 ${lessonTitle}"`).toBe(0);
  for (const r of rows) expect(r).toHaveLength(header!.length);

  const row = rows.find((r) => r[1] === learner.email);
  expect(row, 'the newcomer has a row').toBeDefined();
  // Formula-injection safe: the leading "=" is neutralised with an apostrophe.
  expect(row![0]).toBe(`'${learner.name}`);
  expect(row![2]).toBe('active');
  expect(row![3]).toBe('1');
  expect(row![4]).toBe(String(lessons.length));
  expect(Number(row![5])).toBeGreaterThan(0);
  expect(Number(row![5])).toBeLessThan(Number(row![6]));
  const done = row![7 + first]!;
  expect(done).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  expect(Date.parse(done)).toBeGreaterThanOrEqual(before - 2000);
  expect(Date.parse(done)).toBeLessThanOrEqual(after + 2000);
  expect(row!.slice(8).every((cell) => cell === '')).toBe(true);
  // No field anywhere starts a formula.
  for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
});
