import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState, type Account } from './state.ts';

/** Ids the administration routes need, read by the site admin from the pages themselves. */
interface Targets {
  readonly enrolmentId: string;
  readonly personId: string;
}

async function targetsOf(page: Page, cohortId: string, learner: Account): Promise<Targets> {
  await signIn(page, seedState().admin);
  await page.goto(`/admin/cohorts/${cohortId}`);
  const href = await page
    .getByRole('region', { name: 'Enrolled' })
    .getByRole('row')
    .filter({ hasText: learner.email })
    .getByRole('link')
    .first()
    .getAttribute('href');
  await page.goto(`/admin/people?q=${encodeURIComponent(learner.email)}`);
  const person = await page.getByRole('link', { name: learner.name }).first().getAttribute('href');
  await page.context().clearCookies();
  const enrolmentId = /enrolments\/([^/?#]+)/.exec(href ?? '')?.[1];
  const personId = /people\/([^/?#]+)/.exec(person ?? '')?.[1];
  if (!enrolmentId || !personId) throw new Error('could not read the ids from the admin pages');
  return { enrolmentId, personId };
}

/** Pages of the whole site's administration (site admins only). */
const sitePages = (t: Targets) => [
  '/admin',
  '/admin/cohorts',
  '/admin/cohorts/new',
  '/admin/people',
  '/admin/people/new',
  `/admin/people/${t.personId}`,
  '/admin/audit',
  '/admin/audit.csv',
  '/admin/outbox',
];

/** Pages of one cohort's administration (site admins and the cohort's managers). */
const cohortPages = (cohortId: string, t: Targets) => [
  `/admin/cohorts/${cohortId}`,
  `/admin/cohorts/${cohortId}/settings`,
  `/admin/cohorts/${cohortId}/add`,
  `/admin/cohorts/${cohortId}/audit`,
  `/admin/cohorts/${cohortId}/audit.csv`,
  `/admin/cohorts/${cohortId}/enrolments/${t.enrolmentId}`,
];

/** Every administration form, each with a well-formed body and with an empty one. */
const sitePosts = (t: Targets): [string, Record<string, string>][] => [
  [
    '/admin/cohorts/new',
    {
      courseSlug: seedState().slug,
      title: 'Forged cohort',
      startsOn: '2031-01-05',
      endsOn: '2031-02-15',
      timeZone: 'UTC',
      language: 'en',
    },
  ],
  [
    '/admin/people/new',
    {
      name: 'Forged Person',
      email: 'forged@e2e.test',
      country: 'FR',
      organisationType: 'nso',
      jobTitle: 'x',
      locale: 'en',
    },
  ],
  [`/admin/people/${t.personId}?/password`, {}],
  [`/admin/people/${t.personId}?/active`, { active: 'no' }],
  [`/admin/people/${t.personId}?/admin`, { admin: 'grant' }],
];
const cohortPosts = (cohortId: string, t: Targets): [string, Record<string, string>][] => [
  [`/admin/cohorts/${cohortId}?/decide`, { enrolmentId: t.enrolmentId, decision: 'decline' }],
  [`/admin/cohorts/${cohortId}?/promote`, { enrolmentId: t.enrolmentId }],
  [`/admin/cohorts/${cohortId}?/role`, { enrolmentId: t.enrolmentId, role: 'manager' }],
  [`/admin/cohorts/${cohortId}?/state`, { transition: 'close' }],
  [
    `/admin/cohorts/${cohortId}/settings`,
    { title: 'Forged title', startsOn: '2031-01-05', endsOn: '2031-02-15' },
  ],
  [`/admin/cohorts/${cohortId}/add?/one`, { email: 'forged@e2e.test', name: 'Forged', role: 'manager' }],
  [`/admin/cohorts/${cohortId}/add?/list`, { csv: 'email,role\nforged@e2e.test,manager', invite: 'on' }],
  [`/admin/cohorts/${cohortId}/enrolments/${t.enrolmentId}?/withdraw`, { reason: 'Forged withdrawal' }],
];

/** Asserts every page answers `status` and shows none of the learner's data. */
async function expectPages(page: Page, paths: string[], status: number, secret: string): Promise<void> {
  for (const path of paths) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), `GET ${path}`).toBe(status);
    expect(await response.text(), `GET ${path}`).not.toContain(secret);
  }
}

/** Asserts every form refuses with `status`, with a well-formed body and an empty one. */
async function expectPosts(
  page: Page,
  origin: string,
  posts: [string, Record<string, string>][],
  status: number,
): Promise<void> {
  for (const [path, form] of posts)
    for (const body of [form, {}]) {
      const response = await page.request.post(path, {
        form: body,
        headers: { origin, accept: 'text/html' },
        maxRedirects: 0,
      });
      expect(response.status(), `POST ${path} ${JSON.stringify(body)}`).toBe(status);
    }
}

/** The admin checks that nothing the forged posts asked for happened to the learner's place. */
async function expectUnchanged(page: Page, cohortId: string, learner: Account): Promise<void> {
  await signIn(page, seedState().admin);
  await page.goto(`/admin/cohorts/${cohortId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('closed to new enrolments', { exact: true })).toHaveCount(0);
  const row = page
    .getByRole('region', { name: 'Enrolled' })
    .getByRole('row')
    .filter({ hasText: learner.email });
  await expect(row.getByLabel(`Role of ${learner.name}`, { exact: true })).toHaveValue('learner');
  await page.goto('/admin/people?q=forged%40e2e.test');
  await expect(page.getByText('Nobody matches this search.')).toBeVisible();
}

test('a tutor and a learner of the cohort reach no administration page or form (403)', async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'js', 'HTTP-level checks; the page itself is checked once, with axe');
  test.setTimeout(120_000);
  const { admin, tutor, learner, cohorts } = seedState();
  const targets = await targetsOf(page, cohorts.open, learner);
  for (const who of [tutor, learner]) {
    await signIn(page, who);
    await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
    await expectPages(page, [...sitePages(targets), ...cohortPages(cohorts.open, targets)], 403, admin.email);
    await expectPosts(page, baseURL!, [...sitePosts(targets), ...cohortPosts(cohorts.open, targets)], 403);
    const response = await page.goto(`/admin/cohorts/${cohorts.open}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('table')).toHaveCount(0);
    await page.context().clearCookies();
  }
  await expectUnchanged(page, cohorts.open, learner);
});

test('a manager runs their own cohort only: another cohort is not found, site pages are refused', async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'js', 'HTTP-level checks; the page itself is checked once, with axe');
  test.setTimeout(120_000);
  const { manager, learner, cohorts } = seedState();
  // The learner has a place in the waiting-list cohort, which the manager does not manage.
  const elsewhere = await targetsOf(page, cohorts.waitlist, learner);
  await signIn(page, manager);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Cohorts' }).click();
  const list = page.getByRole('table');
  await expect(list).toContainText('Spring cohort');
  await expect(list).toContainText('Running cohort');
  await expect(list).not.toContainText('Popular cohort');
  await expect(page.getByRole('link', { name: 'New cohort' })).toHaveCount(0);

  expect((await page.request.get(`/admin/cohorts/${cohorts.open}`)).status()).toBe(200);
  await expectPages(page, cohortPages(cohorts.waitlist, elsewhere), 404, learner.email);
  await expectPosts(page, baseURL!, cohortPosts(cohorts.waitlist, elsewhere), 404);
  const siteOnly = sitePages(elsewhere).filter((p) => p !== '/admin' && p !== '/admin/cohorts');
  await expectPages(page, siteOnly, 403, learner.email);
  await expectPosts(page, baseURL!, sitePosts(elsewhere), 403);
  // Archiving is the site admins' even in the manager's own cohort.
  const archive = await page.request.post(`/admin/cohorts/${cohorts.open}?/state`, {
    form: { transition: 'archive' },
    headers: { origin: baseURL!, accept: 'text/html' },
    maxRedirects: 0,
  });
  expect(archive.status()).toBe(403);
  // The same kind of post is answered as a form in the manager's own cohort (an unknown place: not a refusal).
  const control = await page.request.post(`/admin/cohorts/${cohorts.open}?/promote`, {
    form: { enrolmentId: 'no-such-place' },
    headers: { origin: baseURL!, accept: 'text/html' },
    maxRedirects: 0,
  });
  expect([400, 404, 409]).toContain(control.status());
  await page.context().clearCookies();
  await expectUnchanged(page, cohorts.waitlist, learner);
});

test('visitors are sent to sign in from every administration page', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'js', 'HTTP-level checks');
  const { cohorts, learner } = seedState();
  const targets = await targetsOf(page, cohorts.open, learner);
  for (const path of [...sitePages(targets), ...cohortPages(cohorts.open, targets)]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect([303, 302], path).toContain(response.status());
    expect(response.headers()['location'], path).toMatch(/\/signin\?next=/);
  }
  await page.goto('/admin/people');
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin%2Fpeople$/);
});
