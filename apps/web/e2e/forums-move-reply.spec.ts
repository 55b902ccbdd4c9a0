import type { TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { SupportSeed, SupportState } from './seed-support.ts';
import { seedState } from './state.ts';

// Runs in the support cohorts (their forums are used by no forum spec), with their tutor.
function world(info: TestInfo): SupportSeed {
  const state = seedState().support as unknown as SupportState;
  return state[info.project.name === 'no-js' ? 'no-js' : 'js'];
}

test('a moderator moves a single reply to another discussion', async ({ page }, info) => {
  const w = world(info);
  const p = info.project.name;
  await signIn(page, w.people.tutorA);
  const start = async (title: string) => {
    await page.goto(`/cohorts/${w.cohortId}/forums`);
    await page.getByRole('link', { name: 'General discussion' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('General discussion');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Message').fill(`Opening post of ${title}`);
    await page.getByRole('button', { name: 'Post the discussion' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    return new URL(page.url()).pathname;
  };
  const target = await start(`Census sources (${p})`);
  const source = await start(`Survey sources (${p})`);
  const stray = `This is about the census, not surveys (${p}).`;
  await page.getByLabel('Your reply').fill(stray);
  await page.getByRole('button', { name: 'Post the reply' }).click();
  await expect(page.locator('.post-body').getByText(stray)).toBeVisible();

  await page.getByText('Move this reply').click();
  await page.getByLabel('Discussion to move it to').fill(`http://elsewhere.example${target}`);
  await page.getByRole('button', { name: 'Move the reply' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Census sources (${p})`);
  await expect(page.locator('.post-body').getByText(stray)).toBeVisible();
  await page.goto(source);
  await expect(page.locator('.post-body').getByText(stray)).toHaveCount(0);
});
