import type { TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { mailsTo, signIn } from './helpers.ts';
import { DIGEST_ANNOUNCEMENT, type SupportSeed, type SupportState } from './seed-support.ts';
import { seedState } from './state.ts';

function supportWorld(info: TestInfo): SupportSeed {
  const state = seedState().support as unknown as SupportState;
  return state[info.project.name === 'no-js' ? 'no-js' : 'js'];
}

test('the daily digest arrives with the announcement, and its unsubscribe link stops the forum emails', async ({
  browser,
  page,
}, info) => {
  test.setTimeout(120_000);
  const w = supportWorld(info);
  const learner = w.people.s2;
  const title = `${DIGEST_ANNOUNCEMENT} (${info.project.name})`;
  // The digest job queued by the seed runs in the server's job runner and the mail goes to the outbox.
  let digest = '';
  await expect
    .poll(
      async () => {
        digest = (await mailsTo(browser, learner.email)).find((text) => text.includes(title)) ?? '';
        return digest;
      },
      { message: 'a digest mail to the learner', timeout: 60_000 },
    )
    .toContain('/notifications/unsubscribe?');
  const link = new URL(/https?:\/\/\S+\/notifications\/unsubscribe\?\S+/.exec(digest)![0]);

  // The link works without signing in; opening it only asks, the button stops the emails.
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stop forum emails');
  await page.getByRole('button', { name: 'Stop the emails' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Done: you will receive no more forum emails from this link’s courses.',
  );

  // The learner's settings say so.
  await signIn(page, learner);
  await page.goto('/notifications');
  const cohort = page.getByRole('group', { name: `Support cohort (${info.project.name})` });
  await expect(cohort.getByRole('radio', { name: /No emails/ })).toBeChecked();
});
