import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { QuizLearnerState } from './seed-quiz-learner.ts';
import { seedState } from './state.ts';

// The autosave answers what it did: a body it cannot read gets 400 or 415 with a message in the user's language,
// never a 500 and never a 200 for answers that were not saved.
test('the autosave refuses bodies it cannot read, in the page language, and saves nothing', async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'HTTP only: once is enough');
  const state = seedState().quizLearner as unknown as QuizLearnerState;
  await signIn(page, state.learners['bodies-js']);
  const headers = { origin: baseURL!, accept: 'application/json' };
  const cohort = `/cohorts/${state.weekOneCohort}`;
  const start = await page.request.post(`${cohort}/assessments/${state.quizzes.week1}?/start`, {
    form: {},
    headers: { ...headers, accept: 'text/html' },
    maxRedirects: 0,
  });
  expect(start.status()).toBe(303);
  const autosave = `${start.headers().location}/autosave`;
  const cases: [string, string, string | undefined, number, string, RegExp][] = [
    ['text/xml', '<slot-0>1</slot-0>', 'text/xml', 415, 'body.type', /^Send the answers as a form/],
    ['no content type', 'slot-0=1&page=1', undefined, 415, 'body.type', /^Send the answers as a form/],
    [
      'bad multipart',
      '--x\r\nbroken',
      'multipart/form-data; boundary=x',
      400,
      'body.malformed',
      /could not be read/,
    ],
    ['malformed JSON', '{"slot-0": "1', 'application/json', 400, 'body.malformed', /could not be read/],
    ['empty JSON', '{}', 'application/json', 400, 'body.empty', /no answer and no page/],
  ];
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  for (const [label, data, type, status, code, message] of cases) {
    // fetch sends bytes without a content type (a test client would add one); the session cookie goes along.
    const response = await fetch(new URL(autosave, baseURL), {
      method: 'POST',
      body: new TextEncoder().encode(data),
      headers: { ...headers, cookie, ...(type ? { 'content-type': type } : {}) },
    });
    expect(response.status, label).toBe(status);
    const body = await response.json();
    expect(body.code, label).toBe(code);
    expect(body.message, label).toMatch(message);
    expect(body.savedAt, label).toBeUndefined();
  }
  const french = await page.request.post(`/fr${autosave}`, {
    data: '<x/>',
    headers: { ...headers, 'content-type': 'text/xml' },
  });
  expect((await french.json()).message).toMatch(/^Envoyez les réponses sous forme de formulaire/);
  const summary = await (await page.request.get(`${start.headers().location}?summary=1`)).text();
  expect(summary).toContain('Answered: 0.');
});
