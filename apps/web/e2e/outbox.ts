import type { Browser } from '@playwright/test';
import { expect } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

/**
 * Reads the newest mail to `email` whose text holds a link matching `link` the way a site admin does (the outbox page,
 * in a separate browser session), and returns that link. `subject` narrows to the mails with that subject.
 */
export async function linkFromOutbox(
  browser: Browser,
  email: string,
  link: RegExp,
  subject?: RegExp,
): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const admin = await context.newPage();
    await signIn(admin, seedState().admin);
    await admin.goto('/admin/outbox');
    let mails = admin.getByRole('article').filter({ hasText: email });
    if (subject) mails = mails.filter({ has: admin.getByRole('heading', { name: subject }) });
    const mail = mails.filter({ hasText: link }).first();
    await expect(mail).toBeVisible();
    const found = link.exec((await mail.locator('pre').textContent()) ?? '')?.[0];
    expect(found, `a link like ${link} in the mail to ${email}`).toBeTruthy();
    return found!;
  } finally {
    await context.close();
  }
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
