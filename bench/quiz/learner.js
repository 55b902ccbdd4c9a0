// One simulated learner: start the week-1 assessment, open the attempt page, save one answer per question, submit,
// open the review. Every request is timed per step; what each successful save posted is kept for the lost-answer
// check. A step that fails ends the learner's run (the rest is not attempted), as a real learner would be stuck.
import { pickAnswer, readAttemptForm } from './attempt-form.js';

/** The steps, in the order a learner takes them. */
export const STEPS = /** @type {const} */ (['start', 'page', 'save', 'submit', 'review']);

/**
 * @typedef {{ step: string, at: number, ms: number, status: number, error?: string }} Sample (`at`: when it ended)
 * @typedef {{ attemptId?: string, saved: Map<number, [string, string][]>, samples: Sample[], failed?: string }} LearnerRun
 */

/** Mulberry32: a small seeded PRNG, so a run's answers can be reproduced from its seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let requestCount = 0;

/**
 * Runs one learner.
 * @param {{ request: (r: object) => Promise<import('./http-client.js').HttpResult> }} client
 * @param {{ cohortId: string, quizId: string, cookie: string, random: () => number, think: () => number, questions: number, stopAt: number }} plan
 * @returns {Promise<LearnerRun>}
 */
export async function runLearner(client, plan) {
  const { cohortId, quizId, cookie, random, think, questions } = plan;
  /** @type {LearnerRun} */
  const run = { saved: new Map(), samples: [] };
  const base = `/cohorts/${cohortId}`;
  /** Sends one request, records it; returns the result when `ok(result)` holds, else marks the run failed. */
  const step = async (name, req, ok) => {
    if (Date.now() > plan.stopAt) {
      run.failed = `${name}: the run's time bound passed`;
      return undefined;
    }
    const r = await client.request({
      cookie,
      requestId: `bench-${name}-${(requestCount++).toString(36)}`,
      ...req,
    });
    const good = !r.error && ok(r);
    run.samples.push({
      step: name,
      at: performance.now(),
      ms: r.ms,
      status: r.status,
      ...(good ? {} : { error: r.error ?? `HTTP ${r.status}${r.location ? ` → ${r.location}` : ''}` }),
    });
    if (!good) run.failed ??= `${name}: ${r.error ?? `HTTP ${r.status}`}`;
    return good ? r : undefined;
  };
  const redirectTo = (pattern) => (r) => r.status === 303 && pattern.test(r.location ?? '');

  const start = await step(
    'start',
    { method: 'POST', path: `${base}/assessments/${quizId}?/start`, form: new URLSearchParams() },
    redirectTo(/\/attempts\/[^/?#]+/),
  );
  if (!start) return run;
  const attemptId = /\/attempts\/([^/?#]+)/.exec(start.location ?? '')[1];
  run.attemptId = attemptId;
  const attemptPath = `${base}/attempts/${attemptId}`;
  await sleep(think());

  const page = await step(
    'page',
    { method: 'GET', path: `${attemptPath}?all=1`, decode: true },
    (r) => r.status === 200,
  );
  if (!page) return run;
  const form = readAttemptForm(page.body);
  const slots = [...form.slots.keys()].sort((a, b) => a - b);
  if (slots.length !== questions) {
    run.failed = `page: ${slots.length} answer fields found, ${questions} questions expected`;
    run.samples.at(-1).error = run.failed;
    return run;
  }
  for (const [i, slot] of slots.entries()) {
    await sleep(think());
    const entries = pickAnswer(slot, form.slots.get(slot), random);
    const body = new URLSearchParams(entries);
    body.set('page', String(i + 1));
    body.set('go', i + 1 < slots.length ? 'next' : String(i + 1));
    const saved = await step(
      'save',
      { method: 'POST', path: `${attemptPath}?/save`, form: body },
      (r) => r.status === 303 || r.status === 200,
    );
    if (!saved) return run;
    run.saved.set(slot, entries);
  }
  await sleep(think());
  const submit = await step(
    'submit',
    { method: 'POST', path: `${attemptPath}?/submit`, form: new URLSearchParams() },
    redirectTo(/\/review(?:[?#]|$)/),
  );
  if (!submit) return run;
  await step('review', { method: 'GET', path: `${attemptPath}/review` }, (r) => r.status === 200);
  return run;
}
