import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { seedState, uniqueEmail, type Account } from './state.ts';

/** Signs in through the form and waits for "My courses". */
export async function signIn(page: Page, account: Pick<Account, 'email' | 'password'>): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My courses' })).toBeVisible();
}

/**
 * Creates a new account as a newcomer does: the sign-up form, then the confirmation link from the mail (read from the
 * admin outbox), then sign-in; ends on "My courses". Returns the credentials.
 */
export async function signUpNew(page: Page, prefix: string, name = `Test ${prefix}`): Promise<Account> {
  const account = { email: uniqueEmail(prefix), name, password: 'a-long-password-1' };
  await fillSignUp(page, account);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(account.email);
  await confirmFromMail(page, account.email);
  await signIn(page, account);
  return account;
}

/** Fills in and sends the sign-up form (Senegal, NSO, labour statistician). */
export async function fillSignUp(page: Page, account: Account, path = '/signup'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Full name').fill(account.name);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByLabel('Country').selectOption('SN');
  await page.getByLabel('Type of organisation').selectOption('nso');
  await page.getByLabel('Job title').fill('Labour statistician');
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Opens the newest confirmation link mailed to `email` and confirms the address with its button. */
export async function confirmFromMail(page: Page, email: string): Promise<void> {
  const link = new URL(
    await linkFromOutbox(page.context().browser()!, email, /https?:\/\/\S+\/confirm-email\/\S+/),
  );
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('status')).toHaveText(`Your email address ${email} is confirmed.`);
}

/**
 * The first link matching `link` in the newest mail to `email` that has one, read the way a site admin reads it
 * (the outbox page, in a separate browser session).
 */
export async function linkFromOutbox(browser: Browser, email: string, link: RegExp): Promise<string> {
  const found = (await mailsTo(browser, email)).map((text) => link.exec(text)?.[0]).find(Boolean);
  expect(found, `a link like ${link} in a mail to ${email}`).toBeTruthy();
  return found!;
}

/** All the mail texts to `email` in the outbox, newest first (read as a site admin). */
export async function mailsTo(browser: Browser, email: string): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const admin = await context.newPage();
    await signIn(admin, seedState().admin);
    await admin.goto('/admin/outbox');
    const mails = admin.getByRole('article').filter({ hasText: email });
    return (await mails.locator('pre').allTextContents()).map((t) => t.trim());
  } finally {
    await context.close();
  }
}

/**
 * Holds back the app's scripts, as a slow connection does: the page arrives server-rendered and usable, and hydrates
 * only when the returned function is called. The spec must block service workers (`test.use({ serviceWorkers:
 * 'block' })`): scripts the campus's worker has cached are served by it, past any route.
 */
export async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
