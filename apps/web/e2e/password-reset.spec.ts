import { expect, test } from './fixtures.ts';
import { signIn, signUpNew } from './helpers.ts';
import { seedState } from './state.ts';

test('a forgotten password is reset through the emailed link (read from the admin outbox)', async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  const account = await signUpNew(page, 'reset');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  // The sign-in page has an "Email address" field too: wait for the reset page before typing.
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email address').fill(account.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account exists for that address');

  // The site admin reads the outbox in a separate session.
  const adminContext = await browser.newContext({ javaScriptEnabled });
  const admin = await adminContext.newPage();
  await signIn(admin, seedState().admin);
  await admin.goto('/admin/outbox');
  const mail = admin.getByRole('article').filter({ hasText: account.email }).first();
  await expect(mail).toBeVisible();
  const body = (await mail.locator('pre').textContent()) ?? '';
  const link = /https?:\/\/\S+\/reset-password\/\S+/.exec(body)?.[0];
  expect(link, 'reset link in the mail').toBeTruthy();
  await adminContext.close();

  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.locator('#f-password-error')).toHaveText('Must be at least 10 characters.');
  await page.getByLabel('New password').fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('status')).toHaveText('Your password has been changed. You can sign in now.');

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
