import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAttemptLayout, type BankQuestion } from './attempt-layout.rules.ts';
import { computeCalculatedAnswer } from './calculated.rules.ts';
import { feedbackVisibility } from './feedback.rules.ts';
import { parseGift } from '../gift/gift.parser.ts';
import { gradeQuestion } from './grading.rules.ts';
import { presentQuestion } from './question.present.ts';
import type { Question } from '../gift/gift.types.ts';
import type { QuestionResponse } from './response.types.ts';

const corpus = readFileSync(new URL('../gift/fixtures/all-features.gift', import.meta.url), 'utf8');
const bank: BankQuestion[] = parseGift(corpus).map((question, i) => ({ id: `q${i}`, question }));
const slots = buildAttemptLayout(
  {
    items: bank.map((b) => ({ kind: 'fixed', question: b.id, maxMark: 1 })),
    shuffleQuestions: false,
    shuffleAnswers: true,
  },
  bank,
  'attempt-42',
);
const now = new Date('2020-11-02T10:00:00Z');

/** A plausible right response for each question, so the learner's own answer is in the page too. */
function responseFor(q: Question): QuestionResponse | undefined {
  if (q.type === 'multichoice') return { type: 'multichoice', choices: [0] };
  if (q.type === 'truefalse') return { type: 'truefalse', value: true };
  if (q.type === 'shortanswer') return { type: 'shortanswer', text: 'my guess' };
  if (q.type === 'numerical' || q.type === 'calculated') return { type: q.type, value: '7' };
  if (q.type === 'matching') return { type: 'matching', pairs: { 1: 'Rome' } };
  if (q.type === 'essay') return { type: 'essay', text: 'An essay.' };
  return undefined;
}

/** Every string that would give away a right answer, a weight or a feedback. */
function secretsOf(q: Question, slotIndex: number): string[] {
  const secrets = [q.generalFeedback];
  if (q.type === 'multichoice') secrets.push(...q.answers.map((a) => a.feedback));
  if (q.type === 'truefalse') secrets.push(q.feedbackRight, q.feedbackWrong);
  if (q.type === 'shortanswer') secrets.push(...q.answers.flatMap((a) => [a.text, a.feedback]));
  if (q.type === 'numerical')
    secrets.push(
      ...q.answers.flatMap((a) => [
        a.feedback,
        ...(a.kind === 'value' ? [String(a.value)] : a.kind === 'range' ? [`${a.min}..${a.max}`] : []),
      ]),
    );
  if (q.type === 'matching')
    secrets.push(...q.pairs.filter((p) => p.question).map((p) => `${p.question} → ${p.answer}`));
  if (q.type === 'calculated')
    secrets.push(q.formula, q.feedback, String(computeCalculatedAnswer(q, slots[slotIndex].variables ?? {})));
  return secrets.filter((s) => s.length > 0);
}

/** Secrets of each question found in its presented form. */
function leaksOf(pages: readonly unknown[]): string[] {
  return slots.flatMap((slot, i) => {
    const question = bank.find((b) => b.id === slot.questionId)!.question;
    const strings = deepStrings(pages[i]);
    // Short secrets ("4") may occur inside other words; they must not be a whole value.
    return secretsOf(question, i)
      .filter((secret) =>
        secret.length <= 3 ? strings.includes(secret) : strings.some((s) => s.includes(secret)),
      )
      .map((s) => `q${i}: ${s}`);
  });
}

function deepStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => deepStrings(v, out));
  return out;
}

function deepKeys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => deepKeys(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      deepKeys(v, out);
    }
  }
  return out;
}

function present(mode: 'learner-before' | 'learner-after') {
  const visibility = feedbackVisibility({
    mode: 'after-submission',
    viewer: 'learner',
    attemptState: mode === 'learner-before' ? 'in-progress' : 'submitted',
    now,
  });
  return slots.map((slot, i) => {
    const question = bank.find((b) => b.id === slot.questionId)!.question;
    const response = responseFor(question);
    const grade = gradeQuestion(question, response, { variables: slot.variables });
    return presentQuestion({ slotNumber: i + 1, slot, question, visibility, response, grade });
  });
}

describe('presentQuestion before feedback is due', () => {
  const pages = present('learner-before');
  const json = JSON.stringify(pages);

  it('contains no right answer, weight, formula or feedback anywhere (deep search of the JSON)', () => {
    expect(leaksOf(pages)).toEqual([]);
    expect(json).not.toContain('fraction');
    const keys = new Set(deepKeys(pages));
    for (const forbidden of [
      'fraction',
      'correct',
      'feedback',
      'generalFeedback',
      'rightAnswer',
      'review',
      'formula',
      'tolerance',
      'answers',
      'pairs_',
      'name',
      'variables',
      'matched',
      'state',
      'mark',
    ]) {
      expect(keys.has(forbidden), `key ${forbidden}`).toBe(false);
    }
  });

  it("shows the text, the options in the attempt order and the learner's own response", () => {
    const grant = pages[0];
    expect(grant.options?.map((o) => o.text)).toEqual(
      slots[0].choiceOrder?.map((i) => ['Grant', 'Jefferson', 'no one'][i]),
    );
    expect(grant.response?.selected).toEqual([String(slots[0].choiceOrder?.indexOf(0))]);
    const calc = pages[13];
    const v = slots[13].variables!;
    expect(calc.text).toBe(
      `A survey counts ${v.emp} employed and ${Number(v.unemp).toFixed(1)} unemployed persons. What is the unemployment rate (%)?`,
    );
    expect(pages[9].prompts).toEqual([
      { id: 'p0', text: 'Canada' },
      { id: 'p1', text: 'Italy' },
      { id: 'p2', text: 'Japan' },
    ]);
    expect([...(pages[9].choices ?? [])].sort()).toEqual(['Ottawa', 'Paris', 'Rome', 'Tokyo']);
  });
});

describe('presentQuestion once feedback is due', () => {
  const pages = present('learner-after');

  it('adds marks, matched feedback, general feedback and the right answer', () => {
    // The option ids are display positions: the right one is wherever "no one" was shuffled to.
    const noOne = pages[0].options!.find((o) => o.text === 'no one')!.id;
    expect(pages[0].review).toEqual({
      state: 'incorrect',
      mark: 0,
      feedback: ['No, he is entombed.'],
      generalFeedback: 'The tomb is above ground.',
      feedbackHtml: ['No, he is entombed.'],
      generalFeedbackHtml: 'The tomb is above ground.',
      rightAnswer: { kind: 'choices', texts: ['no one'] },
      rightOptions: [noOne],
    });
    expect(pages[6].review?.rightAnswer).toEqual({ kind: 'number', value: 3.14, tolerance: 0.005 });
    expect(pages[9].review).toMatchObject({
      state: 'partial',
      rightAnswer: {
        kind: 'pairs',
        pairs: [
          { prompt: 'Canada', answer: 'Ottawa' },
          { prompt: 'Italy', answer: 'Rome' },
          { prompt: 'Japan', answer: 'Tokyo' },
        ],
      },
    });
    expect(pages[9].review?.mark).toBeCloseTo(1 / 3, 12);
    expect(pages[10].review).toMatchObject({ state: 'pending', mark: null });
  });

  it('is seen by the same deep search that finds nothing before submission', () => {
    expect(leaksOf(pages)).toEqual(
      expect.arrayContaining(['q0: The tomb is above ground.', 'q5: four', 'q6: 3.14']),
    );
  });

  it('renders feedback in the question’s format, safely, and marks which options are right', () => {
    const [question] = parseGift(
      '::md::[markdown]Which is a **flow**?{=Permits issued#Yes\\: **issued** in a year. ~Stock#No <script>x()</script>}',
    );
    // Display order: Stock first, then Permits.
    const slot = { questionId: 'md', maxMark: 1, choiceOrder: [1, 0] };
    const review = (choice: number) =>
      presentQuestion({
        slotNumber: 0,
        slot,
        question,
        visibility: { marks: true, feedback: true, rightAnswer: true },
        response: { type: 'multichoice', choices: [choice] },
        grade: { state: choice === 0 ? 'correct' : 'incorrect', fraction: 1 - choice, matched: [choice] },
      });
    expect(review(0).review?.feedbackHtml).toEqual(['<p>Yes: <strong>issued</strong> in a year.</p>\n']);
    expect(review(1).review?.feedbackHtml).toEqual(['<p>No &lt;script&gt;x()&lt;/script&gt;</p>\n']);
    expect(review(1).review?.rightOptions).toEqual(['1']);
    expect(review(1).response?.selected).toEqual(['0']);
  });

  it('gives the feedback for a wrong true/false answer', () => {
    // The corpus statement "rises in the west" is FALSE; the learner answered true.
    expect(pages[4].review).toMatchObject({
      state: 'incorrect',
      feedback: ['Wrong: it rises in the east.'],
      rightAnswer: { kind: 'boolean', value: false },
    });
  });
});

describe('presentQuestion extras', () => {
  const [range, calc, html, essay] = parseGift(
    'Q {#1..5}\n\nDouble {v}?{#calc v * 2 :1% ~v = 3}\n\n[html]<b>Bold</b><img src=x onerror="alert(1)">{T}\n\nEssay {}',
  );
  const slot = { questionId: 'q', maxMark: 1, variables: { v: 3 } };
  const after = feedbackVisibility({
    mode: 'after-submission',
    viewer: 'learner',
    attemptState: 'submitted',
    now,
  });
  const before = feedbackVisibility({
    mode: 'immediate',
    viewer: 'learner',
    attemptState: 'in-progress',
    now,
  });

  it('gives the right answer as data a page can word in any language', () => {
    const review = (question: Question) =>
      presentQuestion({ slotNumber: 0, slot, question, visibility: after }).review;
    expect(review(range)?.rightAnswer).toEqual({ kind: 'range', min: 1, max: 5 });
    expect(review(calc)?.rightAnswer).toEqual({ kind: 'number', value: 6, tolerance: 0.06 });
    expect(review(essay)?.rightAnswer).toBeNull();
  });

  it('renders the (filled) text as safe HTML and says whether the question was checked', () => {
    const shown = presentQuestion({ slotNumber: 0, slot, question: html, visibility: before });
    expect(shown.html).toBe('<b>Bold</b><img src="x" loading="lazy" decoding="async" />');
    expect(shown.checked).toBe(false);
    expect(presentQuestion({ slotNumber: 1, slot, question: calc, visibility: before }).html).toBe(
      'Double 3?',
    );
    const checked = presentQuestion({
      slotNumber: 0,
      slot,
      question: html,
      visibility: before,
      checked: true,
    });
    expect(checked.checked).toBe(true);
  });
});
