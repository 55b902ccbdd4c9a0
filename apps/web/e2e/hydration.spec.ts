import { expect, test } from './fixtures.ts';
import { forumPaths, forumWorld } from './forums-helpers.ts';
import { holdScripts, signIn } from './helpers.ts';

test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'hydration needs JavaScript');
// Scripts are held back in some tests (holdScripts); the service worker would serve them from its cache.
test.use({ serviceWorkers: 'block' });

// On a slow connection a learner starts typing before the app's JavaScript has arrived. When it arrives and the
// page hydrates, nothing typed or chosen may be lost (text fields, selects, checkboxes).
test('what is typed and chosen before hydration survives it', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/signup', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Full name').fill('Amina Diallo');
  await page.getByLabel('Email address').fill('amina@example.org');
  await page.getByLabel('Country').selectOption('KE');
  await page.getByLabel('Type of organisation').selectOption('ministry');
  await page.getByLabel('Job title').fill('Adviser');
  await expect(page.locator('html')).not.toHaveAttribute('data-hydrated');

  release();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
  await expect(page.getByLabel('Full name')).toHaveValue('Amina Diallo');
  await expect(page.getByLabel('Email address')).toHaveValue('amina@example.org');
  await expect(page.getByLabel('Country')).toHaveValue('KE');
  await expect(page.getByLabel('Type of organisation')).toHaveValue('ministry');
  await expect(page.getByLabel('Job title')).toHaveValue('Adviser');
});

// A disclosure the moderator opened, and the choice made in it, before the script arrived stay as they were left.
test('a disclosure opened before hydration stays open, with the choice made in it', async ({
  page,
}, testInfo) => {
  const w = forumWorld(testInfo);
  await signIn(page, w.people.tutorA);
  const release = await holdScripts(page);
  await page.goto(forumPaths(w).thread(w.threads.drafts), { waitUntil: 'domcontentloaded' });
  await page.getByText('Move to another forum', { exact: true }).click();
  const target = page.getByLabel('Forum', { exact: true });
  const last = (await target.locator('option').last().getAttribute('value')) ?? '';
  await target.selectOption(last);
  await expect(page.locator('html')).not.toHaveAttribute('data-hydrated');

  release();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
  await expect(target).toBeVisible();
  await expect(target).toHaveValue(last);
});
