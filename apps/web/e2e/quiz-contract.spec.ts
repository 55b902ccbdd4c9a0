import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

/**
 * The URL and form-field contract (docs: briefs, common.md) as a script such as the benchmark uses it: plain HTTP
 * posts with the session cookie of a signed-in page, no browser forms.
 */
test('start, save, autosave (form and JSON) and submit answer as the contract says', async ({
  page,
  javaScriptEnabled,
  baseURL,
}) => {
  test.skip(!javaScriptEnabled, 'HTTP only: one project is enough');
  const state = seedState().quizLearner as unknown as QuizLearnerState;
  await signIn(page, state.learners['contract-js']);
  // A browser form post: same origin (SvelteKit's CSRF check) and HTML wanted (else actions answer in JSON).
  const origin = { origin: baseURL!, accept: 'text/html' };
  const cohort = `/cohorts/${state.runningCohort}`;

  const start = await page.request.post(`${cohort}/assessments/${state.quizzes.week2}?/start`, {
    form: {},
    headers: origin,
    maxRedirects: 0,
  });
  expect(start.status()).toBe(303);
  const attemptPath = start.headers().location;
  expect(attemptPath).toMatch(new RegExp(`^${cohort}/attempts/[\\w-]+$`));

  // The first page shows question slot 0; its options are radios, checkboxes, selects or a text field.
  const html = await (await page.request.get(`${attemptPath}?page=1`)).text();
  const name = /name="(slot-0(?:-p\d+)?)"/.exec(html)?.[1];
  expect(name).toBeTruthy();
  const value =
    /<option value="([^"]+)"/.exec(html)?.[1] ?? /name="slot-0" value="([^"]+)"/.exec(html)?.[1] ?? '12.5';

  const save = await page.request.post(`${attemptPath}?/save`, {
    form: { page: '1', [name!]: value, go: 'next' },
    headers: origin,
    maxRedirects: 0,
  });
  expect(save.status()).toBe(303);
  expect(save.headers().location).toBe(`${attemptPath}?page=2`);

  const form = await page.request.post(`${attemptPath}/autosave`, {
    multipart: { page: '2' },
    headers: origin,
  });
  expect(form.status()).toBe(200);
  expect(await form.json()).toEqual({ savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  // A typed answer to a numerical question that is not a number is refused alone, in the user's language.
  const all = await (await page.request.get(`${attemptPath}?all=1`)).text();
  const numeric = /id="(slot-(\d+))"[^>]*inputmode="decimal"/.exec(all);
  expect(numeric).toBeTruthy();
  const json = await page.request.post(`${attemptPath}/autosave`, {
    data: { [numeric![1]]: 'not a number', page: String(Number(numeric![2]) + 1) },
    headers: origin,
  });
  expect(json.status()).toBe(400);
  expect(await json.json()).toMatchObject({
    code: 'validation.invalid',
    errors: { [numeric![1]]: 'Enter a number, for example 12.5 or 12,5.' },
  });

  const summary = await (await page.request.get(`${attemptPath}?summary=1`)).text();
  expect(summary).toContain('Answered: 1.');
  for (let i = 0; i < 2; i++) {
    const submit = await page.request.post(`${attemptPath}?/submit`, {
      form: {},
      headers: origin,
      maxRedirects: 0,
    });
    expect(submit.status()).toBe(303);
    expect(submit.headers().location).toBe(`${attemptPath}/review`);
  }
  // After submission the autosave refuses, in the language of the URL.
  const late = await page.request.post(`/fr${attemptPath}/autosave`, {
    data: { [name!]: value, page: '1' },
    headers: origin,
  });
  expect(late.status()).toBe(409);
  expect(await late.json()).toEqual({
    code: 'attempt.closed',
    message: expect.stringMatching(/^Cette tentative était déjà remise/),
  });
  const lateSave = await page.request.post(`${attemptPath}?/save`, {
    form: { page: '1', [name!]: value, go: 'next' },
    headers: origin,
    maxRedirects: 0,
  });
  expect(lateSave.status()).toBe(303);
  expect(lateSave.headers().location).toBe(`${attemptPath}/review?refused=1`);
  await page.goto(`${attemptPath}/review`);
  await expect(page.getByRole('heading', { level: 1, name: 'Review of attempt 1' })).toBeVisible();
});
