import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn, signUpNew } from './helpers.ts';
import { seedState, type Account } from './state.ts';

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A signed-in page of its own (another person in another browser), JavaScript as in the project. */
async function sessionOf(browser: Browser, account: Account, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

/**
 * The mails to one address in the admin outbox (newest first), as "subject\nbody", once at least `atLeast` are
 * there: mail is queued with each change and sent by the job runner moments later.
 */
async function mailsTo(admin: Page, email: string, atLeast = 1): Promise<string[]> {
  let texts: string[] = [];
  await expect
    .poll(
      async () => {
        await admin.goto('/admin/outbox');
        const items = admin.getByRole('article').filter({ has: admin.getByText(email, { exact: true }) });
        texts = [];
        for (const item of await items.all()) texts.push((await item.innerText()).trim());
        return texts.length;
      },
      { timeout: 20_000, message: `mail to ${email}` },
    )
    .toBeGreaterThanOrEqual(atLeast);
  return texts;
}

/** The person applies to the cohort from the course page, with a motivation. */
async function apply(page: Page, slug: string, cohortTitle: string, motivation: string): Promise<void> {
  await page.goto(`/courses/${slug}`);
  const cohort = page.getByRole('region', { name: cohortTitle });
  await expect(cohort.getByText('The course team reads each application and decides')).toBeVisible();
  await cohort.getByLabel('Why do you want to take this course?').fill(motivation);
  await cohort.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(cohort.getByRole('status')).toHaveText(
    'Application received. The course team will decide and tell you by mail.',
  );
}

test('a course team runs a cohort that needs approval: apply, approve, role, waiting list, withdraw — each change audited and mailed', async ({
  page,
  browser,
  javaScriptEnabled,
}, testInfo) => {
  test.setTimeout(180_000);
  const { admin, slug } = seedState();
  const title = `Approval cohort ${testInfo.project.name} ${Date.now().toString(36)}`;

  // The site admin creates a cohort of one place that needs approval (waiting list on).
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Cohorts' }).click();
  await page.getByRole('link', { name: 'New cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New cohort' })).toBeVisible();
  // Bad input first: no title and an impossible capacity keep the form, with messages.
  await page.getByLabel('Places for learners').fill('0');
  await page.getByRole('button', { name: 'Create the cohort' }).click();
  await expect(page.getByText('Enter a whole number of places from 1 to 100000')).toBeVisible();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('First day').fill(day(20));
  await page.getByLabel('Last day').fill(day(61));
  await page.getByLabel('Time zone').selectOption('Africa/Dakar');
  await page.getByLabel('Places for learners').fill('1');
  await page.getByLabel('Applications need approval').check();
  await page.getByRole('button', { name: 'Create the cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('The cohort is created');
  const cohortUrl = new URL(page.url()).pathname;

  // Two newcomers apply; the first application is approved and takes the one place.
  const first = await page.context().browser()!.newContext({ javaScriptEnabled });
  const firstPage = await first.newPage();
  const ana = await signUpNew(firstPage, `ana-${testInfo.project.name}`);
  await apply(firstPage, slug, title, 'I build the migrant stock tables of our LFS.');
  await firstPage.goto('/my');
  await expect(firstPage.getByRole('listitem').filter({ hasText: title })).toContainText(
    'Status: application pending',
  );
  const second = await browser.newContext({ javaScriptEnabled });
  const secondPage = await second.newPage();
  const ben = await signUpNew(secondPage, `ben-${testInfo.project.name}`);
  await apply(secondPage, slug, title, 'Our ministry starts a return-migration module.');

  await page.goto(cohortUrl);
  const anaCard = page.getByRole('article', { name: ana.name });
  await expect(anaCard).toContainText('I build the migrant stock tables of our LFS.');
  await anaCard.getByRole('button', { name: `Approve ${ana.name}` }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Application approved: the person is enrolled and has been told by mail.',
  );
  // The cohort is full now: the second approval puts Ben on the waiting list.
  await page
    .getByRole('article', { name: ben.name })
    .getByRole('button', { name: `Approve ${ben.name}` })
    .click();
  await expect(page.getByRole('status')).toContainText('the person is on the waiting list');
  const waiting = page.getByRole('region', { name: 'Waiting list' });
  await expect(waiting.getByRole('row').filter({ hasText: ben.email })).toBeVisible();

  // Moving Ben from the waiting list respects the capacity: no place is free, and the page says what to do.
  await waiting.getByRole('button', { name: `Give a place to ${ben.name}` }).click();
  await expect(page.getByRole('region', { name: 'Waiting list' }).getByRole('alert')).toHaveText(
    'No place is free. Raise the capacity in the settings, or withdraw someone first.',
  );
  // Ana becomes a tutor (tutors take no place): her place goes to whoever has waited longest, Ben.
  const enrolled = page.getByRole('region', { name: 'Enrolled' });
  await enrolled.getByLabel(`Role of ${ana.name}`, { exact: true }).selectOption('tutor');
  await enrolled.getByRole('button', { name: `Change the role of ${ana.name}` }).click();
  await expect(page.getByRole('status')).toHaveText('The role is changed. The person has been told by mail.');
  await expect(
    page.getByRole('region', { name: 'Enrolled' }).getByLabel(`Role of ${ana.name}`, { exact: true }),
  ).toHaveValue('tutor');
  await expect(page.getByRole('region', { name: 'Enrolled' })).toContainText(ben.email);
  await expect(page.getByRole('region', { name: 'Waiting list' })).toContainText('Nobody is waiting.');

  // Withdrawing asks for a reason on a page of its own (the confirmation); an empty reason is refused.
  await page
    .getByRole('region', { name: 'Enrolled' })
    .getByRole('link', { name: `Withdraw ${ben.name}…` })
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: `Withdraw ${ben.name} from the cohort` }),
  ).toBeVisible();
  await page.getByRole('button', { name: `Withdraw ${ben.name}` }).click();
  await expect(page.locator('#f-reason-error')).toBeVisible();
  await page.getByLabel('Reason').fill('Moved to the French-language cohort at his request.');
  await page.getByRole('button', { name: `Withdraw ${ben.name}` }).click();
  await expect(page.getByRole('status')).toHaveText(
    'The person is withdrawn and has been told by mail, with your reason.',
  );
  await expect(page.getByRole('region', { name: 'Withdrawn and declined' })).toContainText(
    'Moved to the French-language cohort at his request.',
  );

  // The cohort's audit log has every change: who did it, when, what.
  await page
    .getByRole('navigation', { name: 'Cohort administration' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  const log = page.getByRole('table', { name: 'Audit log' });
  for (const [action, about] of [
    ['cohort created', null],
    ['applied', ana.email],
    ['applied', ben.email],
    ['application approved', ana.email],
    ['application approved', ben.email],
    ['role changed', ana.email],
    ['moved from the waiting list', ben.email],
    ['withdrawn', ben.email],
  ] as const) {
    const row = log
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: action, exact: true }) });
    const match = about ? row.filter({ hasText: about }) : row;
    await expect(match.first(), `${action} ${about ?? ''}`).toBeVisible();
  }
  await expect(
    log
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'withdrawn', exact: true }) })
      .first(),
  ).toContainText(admin.email);
  await expect(
    log
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'role changed', exact: true }) })
      .first(),
  ).toContainText('role: learner → tutor');
  const csv = await page.request.get(`${cohortUrl}/audit.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('enrolment.withdrawn');

  // Each change mailed the person it concerns (read from the outbox), after the sign-up's confirmation and welcome.
  const anaMail = (await mailsTo(page, ana.email, 5)).join('\n---\n');
  expect(anaMail).toMatch(/Welcome/i);
  expect(anaMail).toMatch(/tutor/i);
  const benMail = (await mailsTo(page, ben.email, 6)).join('\n---\n');
  expect(benMail).toMatch(/waiting list/i);
  expect(benMail).toContain('Moved to the French-language cohort at his request.');

  // Ben's My courses no longer lists the cohort; Ana's shows her as a tutor.
  await secondPage.goto('/my');
  await expect(secondPage.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
  await firstPage.goto('/my');
  await expect(firstPage.getByRole('listitem').filter({ hasText: title })).toContainText('Role: tutor');
  await first.close();
  await second.close();
});

test('a learner changes their password and their email address, confirmed by a link sent to the new address', async ({
  page,
  browser,
  javaScriptEnabled,
}, testInfo) => {
  test.setTimeout(120_000);
  const account = await signUpNew(page, `settings-${testInfo.project.name}`);
  // A second session of the same person (another device) is signed out by the password change.
  const other = await sessionOf(browser, account, javaScriptEnabled);

  await page.goto('/profile');
  await page.getByRole('link', { name: 'Change your password' }).click();
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password').fill('a-newer-password-2');
  await page.getByRole('button', { name: 'Change the password' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Current password').fill(account.password);
  await page.getByLabel('New password').fill('a-newer-password-2');
  await page.getByRole('button', { name: 'Change the password' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Your password is changed. Your other sessions are signed out.',
  );
  await other.goto('/my');
  await expect(other).toHaveURL(/\/signin\?next=%2Fmy$/);
  await other.context().close();

  // The email change waits for the link sent to the new address.
  const newEmail = account.email.replace('@', '.new@');
  await page.goto('/profile/email');
  await page.getByLabel('New email address').fill(newEmail);
  await page.getByLabel('Current password').fill('a-newer-password-2');
  await page.getByRole('button', { name: 'Send the confirmation link' }).click();
  await expect(page.getByRole('status')).toContainText(`We sent a link to ${newEmail}`);
  await page.goto('/profile');
  await expect(page.getByText(`Email address: ${account.email}`)).toBeVisible();

  const admin = await sessionOf(browser, seedState().admin, javaScriptEnabled);
  const toNew = (await mailsTo(admin, newEmail, 1)).join('\n');
  const link = /https?:\/\/\S+\/confirm-email-change\/\S+/.exec(toNew)?.[0];
  expect(link, 'confirmation link in the mail to the new address').toBeTruthy();
  // Welcome, password changed, new address requested.
  const toOld = (await mailsTo(admin, account.email, 3)).join('\n');
  expect(toOld).toContain(newEmail);
  expect(toOld).not.toContain('/confirm-email-change/');

  await page.goto(new URL(link!).pathname);
  await expect(page.getByText(`Use ${newEmail} as the address of your account?`)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm the new address' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Your account now uses ${newEmail}. Sign in with it from now on.`,
  );
  // The link works once.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByText(`Use ${newEmail} as the address of your account?`)).toHaveCount(0);

  // Both changes are in the audit log.
  await admin.goto(`/admin/audit?person=${encodeURIComponent(newEmail)}`);
  const log = admin.getByRole('table', { name: 'Audit log' });
  for (const action of ['password changed', 'new email address requested', 'email address changed'])
    await expect(log.getByRole('rowheader', { name: action, exact: true }).first(), action).toBeVisible();
  await admin.context().close();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, { email: newEmail, password: 'a-newer-password-2' });
});
