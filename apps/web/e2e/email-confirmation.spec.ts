import { expect, test } from './fixtures.ts';
import { fillSignUp, linkFromOutbox } from './helpers.ts';
import { seedState, uniqueEmail } from './state.ts';

const COURSE = '/courses/measuring-labour-migration';

// Cohorts take only learners whose address is confirmed (the default): a bot can sign up with any address, only a
// person who reads the mail can take a place.
test('a newcomer confirms the address from the mail before enrolling, and is told how at every step', async ({
  page,
  baseURL,
}) => {
  const account = { email: uniqueEmail('confirm'), name: 'Awa Confirm', password: 'a-long-password-1' };
  await fillSignUp(page, account, `/signup?next=${encodeURIComponent(COURSE)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`We sent a message to ${account.email}.`);
  // Nobody is signed in by a sign-up: the person signs in with the password they chose.
  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${COURSE}$`));

  // No form to fill in vain: the card says what to do, with the button that sends the link again.
  const cohort = page.getByRole('region', { name: 'Spring cohort' });
  await expect(cohort).toContainText(
    `Confirm your email address to enrol: open the link we sent to ${account.email}.`,
  );
  await expect(cohort.getByRole('button', { name: 'Apply and enrol' })).toHaveCount(0);
  await page.goto(`/fr${COURSE}`);
  await expect(page.getByRole('region', { name: 'Spring cohort' })).toContainText(
    `Confirmez votre adresse électronique pour vous inscrire\u202f: ouvrez le lien envoyé à ${account.email}.`,
  );
  await page.goto(COURSE);
  await cohort.getByRole('button', { name: 'Send the link again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email address' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    `A new link is on its way to ${account.email}. Check your inbox.`,
  );

  // An enrolment posted anyway (an old page, a script) is refused with the same explanation.
  const cohortId = await page.request
    .get(COURSE, { headers: { accept: 'text/html' } })
    .then((r) => r.text())
    .then((html) => /name="cohortId" value="([^"]+)"/.exec(html)?.[1] ?? null);
  expect(cohortId, 'no enrol form is offered before confirmation').toBeNull();

  // The newest link, opened in the same browser: a button confirms; Continue goes back to the course.
  const link = new URL(
    await linkFromOutbox(page.context().browser()!, account.email, /https?:\/\/\S+\/confirm-email\/\S+/),
  );
  expect(link.origin).toBe(baseURL);
  expect(link.searchParams.get('next')).toBe(COURSE);
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('status')).toHaveText(`Your email address ${account.email} is confirmed.`);
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`${COURSE}$`));
  await cohort.getByLabel('Why do you want to take this course?').fill('Confirmed, now enrolling.');
  await cohort.getByRole('button', { name: 'Apply and enrol' }).click();
  await expect(cohort.getByRole('status')).toHaveText('You are enrolled. See it in My courses.');
});

test('an enrolment posted before confirming is refused with the way out', async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'HTTP only: once is enough');
  const account = {
    email: uniqueEmail('unconfirmed'),
    name: 'Ben Unconfirmed',
    password: 'a-long-password-1',
  };
  await fillSignUp(page, account);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My courses' })).toBeVisible();
  await expect(page.getByText(`Confirm your email address to enrol in a cohort`)).toBeVisible();
  const { cohorts } = seedState();
  const refused = await page.request.post(`${COURSE}?/enrol`, {
    form: { cohortId: cohorts.open, motivation: 'x' },
    headers: { origin: baseURL!, accept: 'text/html' },
  });
  expect(refused.status()).toBe(403);
  const body = await refused.text();
  expect(body).toContain('Confirm your email address before you enrol');
  expect(body).toContain('Send the link again');
});
