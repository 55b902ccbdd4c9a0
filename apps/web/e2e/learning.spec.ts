import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

/** The running cohort's learner of this project (each project has its own, so progress never collides). */
function student(testInfo: TestInfo) {
  return seedState().students[testInfo.project.name === 'js' ? 'js' : 'no-js'];
}

/** Signs the project's learner in and opens the running cohort's course home from "My courses". */
async function openCourseHome(page: Page, testInfo: TestInfo): Promise<void> {
  await signIn(page, student(testInfo));
  await page.getByRole('link', { name: 'Go to the course: Running cohort' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'This week' })).toBeVisible();
}

/** Unfolds RFC 5545 content lines (CRLF followed by a space or tab continues the previous line). */
function unfold(body: string): string[] {
  return body
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

test('a learner in week 2 sees weeks 1–2 open and week 3 as an outline', async ({ page }, testInfo) => {
  await openCourseHome(page, testInfo);
  const weeks = page.locator('li.week');
  await expect(weeks).toHaveCount(6);
  await expect(page.locator('section', { hasText: 'This week' }).first()).toContainText('Week 2');
  for (const n of [1, 2]) {
    await expect(weeks.nth(n - 1)).toHaveAttribute('data-state', 'open');
    await expect(
      weeks.nth(n - 1).getByRole('link', { name: `Download week ${n} for offline reading` }),
    ).toBeVisible();
  }
  // The weekly assessments: a link to the learner's list, and each coming close date among the deadlines.
  const running = seedState().cohorts.running;
  await expect(
    page
      .getByRole('navigation', { name: 'Course', exact: true })
      .getByRole('link', { name: 'Weekly assessments and my grades' }),
  ).toHaveAttribute('href', `/cohorts/${running}/assessments`);
  const deadlines = page.locator('section', { hasText: 'Deadlines' }).getByRole('listitem');
  await expect(deadlines.filter({ hasText: /^Week 2: .+, due / })).toHaveCount(1);
  const assessment = deadlines.getByRole('link', {
    name: /^Assessment: .+ closes on \d{1,2} \w+ \d{4} at 23:59 \S+$/,
  });
  expect(await assessment.count()).toBeGreaterThan(0);
  await expect(assessment.first()).toHaveAttribute(
    'href',
    new RegExp(`^/cohorts/${running}/assessments/[^/]+$`),
  );
  await expect(page.getByRole('link', { name: 'Gradebook' })).toHaveCount(0);
  const week3 = weeks.nth(2);
  await expect(week3).toHaveAttribute('data-state', 'outline');
  await expect(week3).toContainText('Outline only: the content opens on');
  await expect(week3.getByRole('link', { name: /Download/ })).toHaveCount(0);
  // A week-3 module shows its outline and a friendly "opens on" notice, not an error.
  await week3
    .getByRole('link', { name: /^Module \d+:/ })
    .first()
    .click();
  await expect(page.getByRole('status')).toContainText('This part of the course opens on');
  await expect(page.getByRole('heading', { level: 2, name: 'Learning objectives' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^View the slides/ })).toHaveCount(0);
});

test('a learner completes a lesson and sees progress change', async ({ page }, testInfo) => {
  await openCourseHome(page, testInfo);
  const course = page.locator('.progress', { hasText: 'Course progress' });
  await expect(course).toContainText(/0 of \d+ lessons done \(0%\)/);
  const next = page.locator('section', { hasText: "What's next" }).getByRole('link').first();
  const title = (await next.textContent())!.trim();
  await next.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('.progress')).toContainText(/0 of \d+ lessons done/);
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByRole('status')).toHaveText('Lesson marked as done.');
  await expect(page.locator('.progress')).toContainText(/1 of \d+ lessons done/);
  await expect(page.getByRole('button', { name: 'Mark as not done' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Course home' })
    .click();
  await expect(course).toContainText(/1 of \d+ lessons done/);
  await expect(page.locator('li', { hasText: title }).locator('.tag.ok').first()).toBeVisible();
  // And back: "mark as not done" undoes it.
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('button', { name: 'Mark as not done' }).click();
  await expect(page.locator('.progress')).toContainText(/0 of \d+ lessons done/);
});

test('a learner downloads the week-1 offline pack', async ({ page }, testInfo) => {
  await openCourseHome(page, testInfo);
  const link = page.getByRole('link', { name: 'Download week 1 for offline reading' });
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.html"$/);
  expect(response.headers()['content-type']).toContain('text/html');
  const html = await response.text();
  expect(html).toMatch(/^<!doctype html>/i);
  expect(html).not.toMatch(/<script|<img|<link /i);
  expect(html.length).toBeGreaterThan(10_000);
  // Week 3 is not open: no pack.
  const week3 = (await link.getAttribute('href'))!.replace('week-1', 'week-3');
  expect((await page.request.get(week3)).status()).toBe(409);
});

test('a learner subscribes to the calendar feed and it parses as iCalendar', async ({ page }, testInfo) => {
  await openCourseHome(page, testInfo);
  await page
    .getByRole('navigation', { name: 'Course', exact: true })
    .getByRole('link', { name: 'Calendar' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Calendar:/ })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(7);
  await page.getByRole('button', { name: /Create (my calendar link|a new link)/ }).click();
  const url = await page.getByLabel('Calendar link').inputValue();
  expect(url).toMatch(/\/calendar\/[^/]+\.ics$/);
  // The feed needs no session: fetch it from a fresh request context.
  const response = await page.context().request.fetch(url, { headers: { cookie: '' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const body = await response.text();
  expect(body).toContain('\r\n');
  const lines = unfold(body);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  expect(lines).toContain('VERSION:2.0');
  // Six week deadlines, the six weekly assessments' close times and the course's eight assignments.
  const events = lines.filter((l) => l === 'BEGIN:VEVENT').length;
  expect(events).toBe(6 + 6 + 8);
  expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(events);
  const summaries = lines.filter((l) => l.startsWith('SUMMARY:'));
  expect(summaries.filter((l) => l.startsWith('SUMMARY:Week '))).toHaveLength(6);
  expect(summaries.filter((l) => l.startsWith('SUMMARY:Assessment closes: '))).toHaveLength(6);
  expect(summaries.filter((l) => l.startsWith('SUMMARY:Assignment due: '))).toHaveLength(8);
  const starts = lines.filter((l) => l.startsWith('DTSTART'));
  expect(starts).toHaveLength(events);
  for (const s of starts) expect(s).toMatch(/^DTSTART(;[^:]*)?:\d{8}(T\d{6}Z?)?$/);
  expect(new Set(lines.filter((l) => l.startsWith('UID:'))).size).toBe(events);
  for (const l of lines) expect(l).toMatch(/^[A-Z-]+[;:]/);
  // A made-up token is refused.
  expect((await page.request.get('/calendar/not-a-token.ics')).status()).toBe(404);

  // Renewing: the new link works and the old one stops working.
  const feed = (href: string) => page.context().request.fetch(href, { headers: { cookie: '' } });
  await page.getByRole('button', { name: 'Create a new link' }).click();
  await expect(page.getByLabel('Calendar link')).not.toHaveValue(url);
  const renewed = await page.getByLabel('Calendar link').inputValue();
  expect(renewed).toMatch(/\/calendar\/[^/]+\.ics$/);
  expect((await feed(url)).status()).toBe(404);
  expect((await feed(renewed)).status()).toBe(200);
  // Revoking: the link stops working and the page offers to create one again.
  await page.getByRole('button', { name: 'Turn off my calendar link' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Your calendar link is turned off. Calendar apps that use it will no longer update.',
  );
  expect((await feed(renewed)).status()).toBe(404);
  await expect(page.getByRole('button', { name: 'Create my calendar link' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Turn off my calendar link' })).toHaveCount(0);
});

test('the slide viewer shows one section per slide with a transcript', async ({ page }, testInfo) => {
  await openCourseHome(page, testInfo);
  await page
    .locator('li.week')
    .first()
    .getByRole('link', { name: /^Module \d+:/ })
    .first()
    .click();
  await page.getByRole('link', { name: /^View the slides/ }).click();
  const slides = page.locator('section.slide');
  await expect(slides.nth(2)).toBeAttached();
  await expect(slides.first().getByText('Transcript')).toBeVisible();
  // Anchor navigation works with and without JavaScript (the keys are tested in learning-slides.spec.ts).
  await slides.first().getByRole('link', { name: 'Next slide' }).click();
  await expect(page).toHaveURL(/#slide-2$/);
  await slides.nth(1).getByRole('link', { name: 'Previous slide' }).click();
  await expect(page).toHaveURL(/#slide-1$/);
});

test('tutors see the progress grid and CSV; learners are refused', async ({ page }, testInfo) => {
  const { tutor, cohorts } = seedState();
  await signIn(page, tutor);
  await page.goto(`/cohorts/${cohorts.running}/learn`);
  // Staff get the gradebook and the grading queue instead of the learner's assessment list.
  await expect(page.getByRole('link', { name: 'Gradebook' })).toHaveAttribute(
    'href',
    `/cohorts/${cohorts.running}/gradebook`,
  );
  await expect(page.getByRole('link', { name: 'Grading queue' })).toHaveAttribute(
    'href',
    `/cohorts/${cohorts.running}/grading`,
  );
  await expect(page.getByRole('link', { name: 'Weekly assessments and my grades' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Cohort progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress: Running cohort' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: student(testInfo).name })).toBeVisible();
  const csv = await page.request.get(`/cohorts/${cohorts.running}/learn/progress.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toMatch(/^attachment;/);
  expect((await csv.text()).split('\r\n')[0]).toMatch(/,/);

  await page.context().clearCookies();
  await signIn(page, student(testInfo));
  const refused = await page.goto(`/cohorts/${cohorts.running}/learn/progress`);
  expect(refused?.status()).toBe(403);
  expect((await page.request.get(`/cohorts/${cohorts.running}/learn/progress.csv`)).status()).toBe(403);
});

test('a manager previews the course as a learner of week 3', async ({ page }) => {
  const { manager, cohorts } = seedState();
  await signIn(page, manager);
  await page.goto(`/cohorts/${cohorts.running}/learn`);
  await page.getByLabel('Week to preview').selectOption('3');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('status')).toContainText('when week 3 opens');
  const weeks = page.locator('li.week');
  await expect(weeks.nth(2)).toHaveAttribute('data-state', 'open');
  await expect(weeks.nth(3)).toHaveAttribute('data-state', 'outline');
  // The course contents beside the page show the same: week 4 not open yet, week 3 open.
  const contents = page.locator('.course-nav-weeks > li');
  await expect(contents.nth(2).locator('.course-nav-opens')).toHaveCount(0);
  await expect(contents.nth(3).locator('.course-nav-opens')).toHaveCount(1);
});

test('the glossary page lists terms in French on the French site', async ({ page }, testInfo) => {
  await signIn(page, student(testInfo));
  await page.goto(`/fr/cohorts/${seedState().cohorts.running}/learn/glossary`);
  await expect(page.getByRole('heading', { level: 1, name: 'Glossaire' })).toBeVisible();
  expect(await page.locator('dl.glossary dt').count()).toBeGreaterThan(10);
  await expect(
    page
      .locator('dl.glossary')
      .getByText(/^En \S+\u202f:/)
      .first(),
  ).toBeVisible();
});

test('the glossary has an A–Z index and a filter that work with and without JavaScript', async ({
  page,
}, testInfo) => {
  await signIn(page, student(testInfo));
  const glossary = `/cohorts/${seedState().cohorts.running}/learn/glossary`;
  await page.goto(glossary);
  const index = page.getByRole('navigation', { name: 'Terms by letter' });
  await expect(index.getByRole('listitem')).toHaveCount(26);
  // Letters with terms link to their heading; the course has no term under V, X, Y or Z, so those are not links.
  await expect(index.getByRole('link', { name: 'F', exact: true })).toHaveAttribute('href', '#letter-f');
  for (const letter of ['V', 'X', 'Y', 'Z']) {
    await expect(index.getByRole('link', { name: letter, exact: true })).toHaveCount(0);
    await expect(index.getByRole('listitem').filter({ hasText: new RegExp(`^${letter}$`) })).toHaveCount(1);
  }
  await index.getByRole('link', { name: 'F', exact: true }).click();
  await expect(page).toHaveURL(/#letter-f$/);
  const f = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'F', exact: true }) });
  await expect(f.locator('dt', { hasText: 'Fair recruitment' })).toBeVisible();

  // The filter is a GET form: it matches the definition text too, and a link shows every term again.
  await page.getByLabel('Find a term').fill('dormitory');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/\?q=dormitory/);
  await expect(page.getByRole('status')).toHaveText('1 term matches “dormitory”.');
  await expect(page.locator('dl.glossary dt')).toHaveText(['Collective household']);
  await expect(page.getByRole('navigation', { name: 'Terms by letter' }).getByRole('link')).toHaveText(['C']);
  await page.getByRole('link', { name: 'Show all terms' }).click();
  expect(await page.locator('dl.glossary dt').count()).toBeGreaterThan(10);

  await page.goto(`${glossary}?q=zzzz`);
  await expect(page.getByRole('status')).toHaveText('No term matches “zzzz”.');
  await expect(page.locator('dl.glossary dt')).toHaveCount(0);

  // In French the terms, the letters and the sentences are French (accents ignored by the filter).
  await page.goto(`/fr${glossary}?q=menage collectif`);
  await expect(page.getByRole('status')).toHaveText('1 terme correspond à «\u202fmenage collectif\u202f».');
  await expect(page.locator('dl.glossary dt')).toHaveText(['Ménage collectif']);
  await expect(page.getByRole('navigation', { name: 'Termes par lettre' }).getByRole('link')).toHaveText([
    'M',
  ]);
  await expect(page.getByLabel('Chercher un terme')).toHaveValue('menage collectif');
});

test('a lesson on the French site says its text is in English', async ({ page }, testInfo) => {
  await signIn(page, student(testInfo));
  const lesson = `/fr/cohorts/${seedState().cohorts.running}/learn/01-overview-of-labour-statistics/01-why-labour-statistics`;
  await page.goto(lesson);
  await expect(page.getByText('Ce contenu est en anglais.')).toBeVisible();
  await expect(page.locator('article.prose')).toHaveAttribute('lang', 'en');
  // The English site needs no such notice.
  await page.goto(lesson.replace(/^\/fr/, ''));
  await expect(page.locator('article.prose')).toBeVisible();
  await expect(page.getByText('This content is in English.')).toHaveCount(0);
});
