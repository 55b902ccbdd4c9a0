import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { uniqueEmail, type Account } from './state.ts';

/** Signs in through the form and waits for "My courses". */
export async function signIn(page: Page, account: Pick<Account, 'email' | 'password'>): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My courses' })).toBeVisible();
}

/** Creates a new account through the sign-up form; returns its credentials. */
export async function signUpNew(page: Page, prefix: string): Promise<Account> {
  const account = { email: uniqueEmail(prefix), name: `Test ${prefix}`, password: 'a-long-password-1' };
  await page.goto('/signup');
  await page.getByLabel('Full name').fill(account.name);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByLabel('Country').selectOption('SN');
  await page.getByLabel('Type of organisation').selectOption('nso');
  await page.getByLabel('Job title').fill('Labour statistician');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My courses' })).toBeVisible();
  return account;
}
