import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

test('a tutor cannot see the admin pages', async ({ page }) => {
  await signIn(page, seedState().tutor);
  await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  for (const path of ['/admin', '/admin/outbox']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByText('You do not have access to this page.')).toBeVisible();
  }
});

test('a learner cannot see the roster or download it', async ({ page }) => {
  const { learner, cohorts } = seedState();
  await signIn(page, learner);
  const response = await page.goto(`/cohorts/${cohorts.open}/roster`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('table')).toHaveCount(0);
  const csv = await page.request.get(`/cohorts/${cohorts.open}/roster.csv`);
  expect(csv.status()).toBe(403);
  expect(await csv.text()).not.toContain('learner@e2e.test');
});

test('a manager sees the roster and downloads it as CSV', async ({ page }) => {
  const { manager, cohorts } = seedState();
  await signIn(page, manager);
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Spring cohort' })
    .getByRole('link', { name: 'Roster' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roster: Spring cohort' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'learner@e2e.test' })).toContainText('learner');
  const csv = await page.request.get(`/cohorts/${cohorts.open}/roster.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain('learner@e2e.test');
  // The download uses the page's words: its column headings, role and status names.
  const headings = await page.getByRole('columnheader').allTextContents();
  expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(
    new RegExp(`^${headings.slice(0, 4).join(',')},`),
  );
  const row = text.split('\r\n').find((line) => line.includes('learner@e2e.test'))!;
  const pageRow = page.getByRole('row').filter({ hasText: 'learner@e2e.test' });
  const [role, status] = await pageRow
    .getByRole('cell')
    .allTextContents()
    .then((c) => [c[1], c[2]]);
  expect(row).toContain(`,${role},${status},`);
});

test('My courses leads staff to the gradebook and the essays to grade, and learners to their grades', async ({
  page,
}) => {
  const { tutor, students } = seedState();
  await signIn(page, tutor);
  await page.goto('/my');
  const running = page.getByRole('listitem').filter({ hasText: 'Running cohort' });
  await expect(running.getByRole('link', { name: 'Essays to grade in Running cohort' })).toBeVisible();
  await running.getByRole('link', { name: 'Gradebook of Running cohort' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gradebook');

  await page.context().clearCookies();
  await signIn(page, students.js);
  await page.goto('/my');
  await page.getByRole('link', { name: 'Assessments and my grades in Running cohort' }).click();
  await expect(page).toHaveURL(/\/cohorts\/[^/]+\/assessments$/);
  await expect(page.getByRole('link', { name: 'Gradebook of Running cohort' })).toHaveCount(0);
});

test('visitors are sent to sign in before private pages', async ({ page }) => {
  await page.goto('/my');
  await expect(page).toHaveURL(/\/signin\?next=%2Fmy$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a site admin reaches the administration pages', async ({ page }) => {
  await signIn(page, seedState().admin);
  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await page.getByRole('link', { name: 'Mail outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mail outbox' })).toBeVisible();
});
