import { expect, test } from './fixtures.ts';
import { mailsTo, signIn, signUpNew } from './helpers.ts';

test('a forgotten password is reset through the emailed link (read from the admin outbox)', async ({
  page,
  browser,
}) => {
  const account = await signUpNew(page, 'reset');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Two requests, so two links: whichever is used, the other stops working.
  for (let i = 0; i < 2; i++) {
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The sign-in page has an "Email address" field too: wait for the reset page before typing.
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
    await page.getByLabel('Email address').fill(account.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status')).toContainText('If an account exists for that address');
  }

  // The site admin reads the outbox in a separate session.
  const links = (await mailsTo(browser, account.email))
    .map((text) => /https?:\/\/\S+\/reset-password\/\S+/.exec(text)?.[0])
    .filter((l): l is string => Boolean(l));
  expect(links, 'two reset links in the mails').toHaveLength(2);
  const [link, older] = links;

  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.locator('#f-password-error')).toHaveText('Must be at least 10 characters.');
  await page.getByLabel('New password').fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('status')).toHaveText('Your password has been changed. You can sign in now.');
  await expect(
    page.getByText('every device that was signed in to your account has been signed out'),
  ).toBeVisible();

  // The older link died with it.
  await page.goto(new URL(older!).pathname);
  await page.getByLabel('New password').fill('an-attacker-password');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This password reset link is not valid or has already been used.',
  );

  // The link works once; the new password signs in, the old one does not.
  await page.goto(new URL(link!).pathname);
  await page.getByLabel('New password').fill('another-new-password');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This password reset link is not valid or has already been used.',
  );
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email address or password is not correct.');
  await signIn(page, { email: account.email, password: 'a-brand-new-password' });
});
