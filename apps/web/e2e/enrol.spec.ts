import { expect, test } from './fixtures.ts';
import { signUpNew } from './helpers.ts';

test('a newcomer signs up, enrols in the open cohort and finds it in My courses', async ({ page }) => {
  await signUpNew(page, 'enrol');
  await expect(page.getByText('You are not enrolled in any course yet.')).toBeVisible();

  await page.goto('/courses');
  await page.getByRole('link', { name: 'Measuring and Analyzing Labour Migration' }).click();
  const cohort = page.getByRole('region', { name: 'Spring cohort' });
  await expect(cohort.getByText('Enrolment open')).toBeVisible();
  await cohort
    .getByLabel('Why do you want to take this course?')
    .fill('I compile migration tables for our NSO.');
  await cohort.getByRole('button', { name: 'Apply and enrol' }).click();
  await expect(cohort.getByRole('status')).toHaveText('You are enrolled. See it in My courses.');
  await expect(cohort.getByText('You are enrolled', { exact: true })).toBeVisible();

  await cohort.getByRole('link', { name: 'My courses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My courses' })).toBeVisible();
  const entry = page.getByRole('listitem').filter({ hasText: 'Spring cohort' });
  await expect(
    entry.getByRole('link', { name: 'Measuring and Analyzing Labour Migration', exact: true }),
  ).toBeVisible();
  await expect(entry).toContainText('Role: learner');
  await expect(entry).toContainText('Status: enrolled');

  // Withdrawing asks first, on a page of its own (the same with and without JavaScript); "No" keeps the place.
  const title = 'Measuring and Analyzing Labour Migration';
  await entry.getByRole('link', { name: `Withdraw from ${title}` }).click();
  const confirm = page.getByRole('region', { name: `Withdraw from ${title}?` });
  await expect(confirm).toContainText('You will lose your place in Spring cohort.');
  await confirm.getByRole('link', { name: 'No, keep my place' }).click();
  await expect(page.getByRole('region', { name: `Withdraw from ${title}?` })).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: 'Spring cohort' })).toContainText(
    'Status: enrolled',
  );
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Spring cohort' })
    .getByRole('link', { name: `Withdraw from ${title}` })
    .click();
  await page.getByRole('button', { name: `Yes, withdraw from ${title}` }).click();
  await expect(page.getByRole('status')).toHaveText('You have withdrawn from the cohort.');
  await expect(page.getByText('You are not enrolled in any course yet.')).toBeVisible();
});

test('a full cohort with a waiting list puts the newcomer on it', async ({ page }) => {
  await signUpNew(page, 'waitlist');
  await page.goto('/courses/measuring-labour-migration');
  const cohort = page.getByRole('region', { name: 'Popular cohort' });
  await expect(cohort.getByText('This cohort is full; you can join the waiting list.')).toBeVisible();
  await cohort.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(cohort.getByRole('status')).toHaveText('The cohort is full: you are on the waiting list.');
  await page.goto('/my');
  await expect(page.getByRole('listitem').filter({ hasText: 'Popular cohort' })).toContainText(
    'Status: waiting list',
  );
});
