import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

const quiz = (): QuizLearnerState => seedState().quizLearner as unknown as QuizLearnerState;
const learner = (name: string, info: TestInfo) =>
  quiz().learners[`${name}-${info.project.name === 'js' ? 'js' : 'nojs'}`];

/**
 * What must never reach the browser before submission, read from the GIFT source of week 2 with plain regular
 * expressions (not with core's parser): per-answer and general feedback, numerical right answers, short answers.
 */
function week2Secrets(): string[] {
  const file = fileURLToPath(
    new URL('../../../content/courses/measuring-labour-migration/quizzes/week-2.gift', import.meta.url),
  );
  const source = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  const unescape = (text: string) => text.replace(/\\([~=#{}:])/g, '$1').trim();
  const secrets = new Set<string>();
  for (const [, block] of source.matchAll(/\{((?:\\.|[^{}])*)\}/g)) {
    for (const [, general] of block.matchAll(/####((?:\\.|[^}])*)/g)) secrets.add(unescape(general));
    for (const [, feedback] of block
      .replace(/####(?:\\.|[^}])*/g, '')
      .matchAll(/(?<!^)#((?:\\.|[^~=#\n])+)/g))
      secrets.add(unescape(feedback));
    const numerical = /^#(-?\d+\.\d+):/.exec(block);
    if (numerical) secrets.add(numerical[1]);
    const answers = block.split(/(?<!\\)[~=]/).slice(1);
    if (!block.includes('~') && !block.includes('->') && !block.startsWith('#') && answers.length > 0)
      for (const a of answers) secrets.add(unescape(a.split('#')[0]));
  }
  // Short generic words ("Right.") are not evidence; the serialised DTO must not name these fields either.
  return [...secrets]
    .filter((s) => s.length >= 5 || /^[A-Z][a-zA-Z]+$/.test(s))
    .concat(['rightAnswer', 'generalFeedback', '"fraction"']);
}

/** The fieldset of question `n`. */
const question = (page: Page, n: number): Locator =>
  page.getByRole('group', { name: new RegExp(`^Question ${n} of`) });

/** Answers a question whatever its type; a typed answer gets `typed`. */
async function answer(q: Locator, typed = '12.5'): Promise<void> {
  if ((await q.getByRole('radio').count()) > 0) return q.getByRole('radio').first().check();
  if ((await q.getByRole('checkbox').count()) > 0) return q.getByRole('checkbox').first().check();
  const selects = q.getByRole('combobox');
  for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
  if ((await q.getByRole('textbox').count()) > 0) await q.getByRole('textbox').fill(typed);
}

async function startWeek2(page: Page, info: TestInfo, who: string, prefix = ''): Promise<string> {
  const { runningCohort, quizzes } = quiz();
  await signIn(page, learner(who, info));
  await page.goto(`${prefix}/cohorts/${runningCohort}/assessments/${quizzes.week2}`);
  await page.getByRole('button', { name: /Start the assessment|Commencer l’évaluation/ }).click();
  await expect(page).toHaveURL(/\/attempts\/[\w-]+/);
  return page.url().replace(/\?.*$/, '');
}

test('no attempt page sends right answers or feedback before submission; a bad number is refused alone', async ({
  page,
}, testInfo) => {
  const secrets = week2Secrets();
  expect(secrets).toEqual(
    expect.arrayContaining(['167.7', 'StaRS', 'That is the 1st edition (reference year 2013).']),
  );
  const bodies: { url: string; body: string }[] = [];
  page.on('response', async (response) => {
    const url = response.url();
    if (/\/attempts\/[\w-]+(\?|\/__data\.json|\/autosave|$)/.test(url) && !url.includes('/review'))
      bodies.push({ url, body: await response.text().catch(() => '') });
  });
  const attemptUrl = await startWeek2(page, testInfo, 'source');

  // Every page of the attempt, one by one with Next, then all at once and the summary.
  for (let n = 1; n <= 10; n++) {
    await expect(question(page, n)).toBeVisible();
    if (n < 10) await page.getByRole('button', { name: 'Next question' }).click();
  }
  await page.goto(`${attemptUrl}?all=1`);
  const numbers = page.getByRole('textbox', { name: 'Your answer (a number)' });
  expect(await numbers.count()).toBeGreaterThanOrEqual(2);
  for (let n = 1; n <= 10; n++) await answer(question(page, n));
  await numbers.first().fill('twelve');
  await page.getByRole('button', { name: 'Finish attempt…' }).click();
  await expect(page.getByRole('alert')).toContainText('Some answers were not saved');
  await expect(page.getByText('Enter a number, for example 12.5 or 12,5.')).toHaveCount(2);
  await expect(numbers.first()).toHaveAttribute('aria-invalid', 'true');

  // The other answers of the page were saved; the refused one was not.
  await page.goto(`${attemptUrl}?all=1`);
  await expect(numbers.first()).toHaveValue('');
  await expect(numbers.nth(1)).toHaveValue('12.5');
  await expect(page.getByRole('radio').first()).toBeChecked();
  await page.goto(`${attemptUrl}?summary=1`);
  await expect(page.getByText('Answered: 9. Not answered: 1.')).toBeVisible();

  expect(bodies.length).toBeGreaterThanOrEqual(12);
  for (const { url, body } of bodies)
    for (const secret of secrets) expect(body.includes(secret), `${secret} in ${url}`).toBe(false);

  // After submission the review shows marks, feedback and right answers.
  await page.getByRole('button', { name: 'Submit all and finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review of attempt 1' })).toBeVisible();
  await expect(page.getByText(/^Grade: [\d.]+ out of 100/)).toBeVisible();
  await expect(page.getByText(/^The right answer: /)).toHaveCount(10);
  const review = await page.content();
  expect(secrets.filter((s) => review.includes(s)).length).toBeGreaterThan(0);
});

test('a second tab or a double click cannot submit twice', async ({ page, context }, testInfo) => {
  const attemptUrl = await startWeek2(page, testInfo, 'tabs');
  await answer(question(page, 1));
  await page.getByRole('button', { name: 'Finish attempt…' }).click();
  const other = await context.newPage();
  await other.goto(`${attemptUrl}?summary=1`);
  await expect(other.getByRole('button', { name: 'Submit all and finish' })).toBeVisible();

  await page.getByRole('button', { name: 'Submit all and finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review of attempt 1' })).toBeVisible();
  // The second tab still shows the summary: its Submit lands on the same review, without an error.
  await other.getByRole('button', { name: 'Submit all and finish' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Review of attempt 1' })).toBeVisible();
  await expect(other.getByRole('alert')).toHaveCount(0);

  // A double click on a new attempt's Submit also submits once.
  const { runningCohort, quizzes } = quiz();
  await page.goto(`/cohorts/${runningCohort}/assessments/${quizzes.week2}`);
  await page.getByRole('button', { name: 'Start a new attempt' }).click();
  await page.getByRole('button', { name: 'Finish attempt…' }).click();
  await page.getByRole('button', { name: 'Submit all and finish' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Review of attempt 2' })).toBeVisible();

  await page.goto(`/cohorts/${runningCohort}/assessments/${quizzes.week2}`);
  await expect(page.getByRole('link', { name: /^Review attempt \d$/ })).toHaveCount(2);
  await expect(page.getByText('2 of 3')).toBeVisible();
});

test('with feedback after the close date, the review waits for the close', async ({ page }, testInfo) => {
  const { lastWeekCohort, quizzes } = quiz();
  await signIn(page, learner('close', testInfo));
  await page.goto(`/cohorts/${lastWeekCohort}/assessments/${quizzes.week6}`);
  await expect(page.getByText('After the assessment closes for the cohort')).toBeVisible();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await answer(question(page, 1));
  await page.getByRole('button', { name: 'Finish attempt…' }).click();
  await page.getByRole('button', { name: 'Submit all and finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review of attempt 1' })).toBeVisible();
  await expect(page.getByText(/Marks and feedback are shown once the assessment closes on/)).toBeVisible();
  await expect(page.getByText(/^The right answer: /)).toHaveCount(0);
  await expect(page.getByText(/^Grade: /)).toHaveCount(0);
  await page.getByRole('link', { name: 'Week 6' }).last().click();
  await expect(page.getByRole('cell', { name: 'Not shown yet' })).toBeVisible();
});

test('in French, the pages and a refused number speak French', async ({ page }, testInfo) => {
  const { runningCohort } = quiz();
  await signIn(page, learner('french', testInfo));
  await page.goto(`/fr/cohorts/${runningCohort}/assessments`);
  await expect(page.getByRole('heading', { level: 1, name: 'Évaluations hebdomadaires' })).toBeVisible();
  // The weekly assessment has its French title on the French pages.
  await expect(
    page.getByRole('row', { name: /Évaluation des connaissances de la semaine 2\s*: estimations mondiales/ }),
  ).toContainText('Ouverte');
  const attemptUrl = await startWeek2(page, testInfo, 'french', '/fr');
  expect(attemptUrl).toContain('/fr/cohorts/');
  await page.goto(`${attemptUrl}?all=1`);
  await page.getByRole('textbox', { name: 'Votre réponse (un nombre)' }).first().fill('douze');
  await page.getByRole('button', { name: 'Terminer la tentative…' }).click();
  // Once in the error summary, once next to the field.
  await expect(page.getByText('Saisissez un nombre, par exemple 12,5 ou 12.5.')).toHaveCount(2);
  await expect(page.getByRole('alert')).toContainText('Certaines réponses n’ont pas été enregistrées');
  // Submitted, the review words the right answers in French: numbers in French notation, Vrai/Faux.
  await page.getByRole('textbox', { name: 'Votre réponse (un nombre)' }).first().fill('12,5');
  await page.getByRole('button', { name: 'Terminer la tentative…' }).click();
  await page.getByRole('button', { name: 'Tout remettre et terminer' }).click();
  await expect(page).toHaveURL(/\/review/);
  const rights = await page.getByText(/^La bonne réponse\u202f: /).allTextContents();
  expect(rights.length).toBeGreaterThan(0);
  const numeric = rights.filter((t) => /^La bonne réponse\u202f: [-\d\s\u202f,.]+( ± [\d,.]+)?$/.test(t));
  expect(numeric.length, rights.join(' | ')).toBeGreaterThan(0);
  expect(numeric.filter((t) => t.includes('.'))).toEqual([]);
  expect(rights.filter((t) => /: (True|False)$/.test(t))).toEqual([]);
});
