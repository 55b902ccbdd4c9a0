import { expect, test } from './fixtures.ts';
import { uniqueEmail } from './state.ts';

// A refused sign-in keeps the email address and clears the password, with and without JavaScript.
test('a wrong password is cleared from the sign-in form; the email stays', async ({ page }) => {
  const email = uniqueEmail('wrong-password');
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveValue(email);
  await expect(page.getByLabel('Password')).toHaveValue('');
});
