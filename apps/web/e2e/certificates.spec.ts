import { execFileSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { CertificateSeed, CertificatesState } from './seed-certificates.ts';
import { seedState, type Account } from './state.ts';

// One cohort per project (seed-certificates.ts); the tests build on each other (issue, download, verify, revoke).
test.describe.configure({ mode: 'serial' });

function world(info: TestInfo): CertificateSeed {
  const state = seedState().certificates as unknown as CertificatesState;
  return state[info.project.name === 'no-js' ? 'no-js' : 'js'];
}

async function as(page: Page, who: Account): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, who);
}

let code = '';

test('the course home shows exactly what is still missing before the certificate', async ({ page }, info) => {
  const w = world(info);
  await as(page, w.learner);
  await page.goto(`/cohorts/${w.cohortId}/learn`);
  const panel = page.getByTestId('completion');
  await expect(panel.getByRole('heading', { name: 'Your Certificate of Achievement' })).toBeVisible();
  // Every weekly assessment is passed: only the final assignment is listed.
  const missing = panel.getByTestId('completion-missing').getByRole('listitem');
  await expect(missing).toHaveCount(1);
  await expect(missing.first()).toContainText('Final assignment');
});

test('a manager issues the certificate as an exception with a reason; a missing reason is refused', async ({
  page,
}, info) => {
  const w = world(info);
  const { manager } = seedState();
  await as(page, manager);
  await page.goto(`/cohorts/${w.cohortId}/completion`);
  await expect(page.getByTestId('completion-counts')).toContainText('Completed: 0');
  const form = page.locator('form[action="?/issue"]');
  await form.getByLabel("Learner's email address").fill(w.learner.email);
  await form.getByRole('button', { name: 'Issue the certificate' }).click();
  await expect(page.getByText('Give a reason (at least 5 characters)').first()).toBeVisible();
  // What was typed is kept.
  await expect(page.locator('form[action="?/issue"]').getByLabel("Learner's email address")).toHaveValue(
    w.learner.email,
  );
  await page
    .locator('form[action="?/issue"]')
    .getByLabel('Reason')
    .fill('Final assignment assessed on paper');
  await page.locator('form[action="?/issue"]').getByRole('button', { name: 'Issue the certificate' }).click();
  const done = page.getByText(/Certificate LM-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4} issued\./);
  await expect(done).toBeVisible();
  code = /LM-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await done.textContent()) ?? '')![0];
  await expect(page.getByTestId('completion-counts')).toContainText('Completed: 1');
});

test('the learner downloads the PDF and the credential from My certificates', async ({ page }, info) => {
  const w = world(info);
  await as(page, w.learner);
  await page.goto('/my/certificates');
  // Filtered by number: the learner may hold diplomas too (the e2e test programme needs this course alone).
  const card = page.getByTestId('my-certificate').filter({ hasText: code });
  await expect(card).toContainText(code);
  await expect(page.getByRole('heading', { name: 'What is an Open Badges credential?' })).toBeVisible();
  await expect(card.getByTestId('share-link')).toHaveAttribute('href', new RegExp(`/verify/${code}$`));

  const pdfLink = card.getByRole('link', { name: /Download the PDF/ });
  const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = execFileSync('pdftotext', ['-', '-'], { input: await pdf.body(), encoding: 'utf8' });
  expect(text).toContain(w.learner.name);
  expect(text).toContain(code);

  const jsonLink = card.getByRole('link', { name: /credential/ });
  const json = await page.request.get((await jsonLink.getAttribute('href'))!);
  expect(json.headers()['content-type']).toContain('application/vc');
  const credential = (await json.json()) as { type: string[]; credentialSubject: { name: string } };
  expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  expect(credential.credentialSubject.name).toBe(w.learner.name);
});

test('an anonymous visitor verifies the certificate; unknown and mistyped numbers get a clear answer', async ({
  page,
}) => {
  await page.context().clearCookies();
  await page.goto('/verify');
  await page.getByLabel('Certificate number').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Valid certificate' })).toBeVisible();
  await expect(page.getByTestId('verify-recipient')).not.toBeEmpty();
  await page.goto('/verify/LM-2026-0000-0000');
  await expect(page.getByTestId('verify-state')).toBeVisible();
  await page.goto('/verify/not-a-code');
  await expect(page.getByTestId('verify-state')).toContainText('This is not a certificate number');
  const did = await page.request.get('/.well-known/did.json');
  expect(((await did.json()) as { id: string }).id).toMatch(/^did:web:127\.0\.0\.1%3A\d+$/);
});

test('a revoked certificate shows as revoked, with the date', async ({ page }, info) => {
  const w = world(info);
  const { manager } = seedState();
  await as(page, manager);
  await page.goto(`/cohorts/${w.cohortId}/completion`);
  const row = page.getByTestId('completion-row').filter({ hasText: code });
  await row.getByLabel(`Reason for revoking ${code}`).fill('Issued to the wrong person');
  await row.getByRole('button', { name: `Revoke certificate ${code}` }).click();
  await expect(page.getByText(`Certificate ${code} revoked.`)).toBeVisible();
  await page.context().clearCookies();
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Revoked certificate' })).toBeVisible();
  await expect(page.getByTestId('verify-state')).toContainText('was revoked on');
});
