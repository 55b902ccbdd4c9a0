import { expect, test } from './fixtures.ts';
import { mailsTo } from './helpers.ts';
import { seedState } from './state.ts';

test('a bad sign-up form comes back with the values and one error per field', async ({ page }, testInfo) => {
  await page.goto('/signup');
  await page.getByLabel('Full name').fill('Amina Diallo');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Job title').fill('Analyst');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('alert')).toHaveText('Please correct the errors below.');
  await expect(page.getByLabel('Full name')).toHaveValue('Amina Diallo');
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
  await expect(page.getByLabel('Job title')).toHaveValue('Analyst');
  // The server never sends a password back. Without JavaScript the page is new, so the field is empty; with
  // JavaScript the browser keeps what was typed (fields hold default values, so hydration never wipes typing).
  if (testInfo.project.name === 'no-js') await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.locator('#f-email-error')).toHaveText('Enter a valid email address.');
  await expect(page.locator('#f-password-error')).toHaveText('Must be at least 10 characters.');
  await expect(page.locator('#f-country-error')).toBeVisible();
  await expect(page.locator('#f-organisationType-error')).toHaveText('This field is required.');
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  expect(await page.content()).not.toContain('value="short"');
});

test('the same errors in French on the French form', async ({ page }) => {
  await page.goto('/fr/signup');
  await page.getByLabel('Nom complet').fill('Amina Diallo');
  await page.getByLabel('Adresse électronique').fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByRole('alert')).toHaveText('Veuillez corriger les erreurs ci-dessous.');
  await expect(page.getByLabel('Nom complet')).toHaveValue('Amina Diallo');
  await expect(page.locator('#f-email-error')).toHaveText('Saisissez une adresse électronique valide.');
  await expect(page.locator('#f-password-error')).toHaveText('Ce champ est obligatoire.');
});

test('signing up with a taken address says what a new one does; the owner gets a mail instead', async ({
  page,
  browser,
}) => {
  const { learner } = seedState();
  await page.goto('/signup');
  await page.getByLabel('Full name').fill('Someone Else');
  await page.getByLabel('Email address').fill(learner.email);
  await page.getByLabel('Password').fill('long-enough-password');
  await page.getByLabel('Country').selectOption('KE');
  await page.getByLabel('Type of organisation').selectOption('ministry');
  await page.getByLabel('Job title').fill('Adviser');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    `We sent a message to ${learner.email}. Open the link in it to confirm your address; you can then enrol in a cohort. The link works for 48 hours.`,
  );
  const mails = await mailsTo(browser, learner.email);
  expect(mails.some((text) => text.includes('tried to create an account with this address'))).toBe(true);

  await page.goto('/signin');
  await page.getByLabel('Email address').fill(learner.email);
  await page.getByLabel('Password').fill('wrong-password-here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email address or password is not correct.');
  await expect(page.getByLabel('Email address')).toHaveValue(learner.email);
});
