import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildAttemptLayout } from '../attempt/attempt-layout.rules.ts';
import { computeCalculatedAnswer } from '../attempt/calculated.rules.ts';
import { gradeQuestion } from '../attempt/grading.rules.ts';
import { checkQuizAgainstBank, loadQuestionBank } from './question-bank.ts';
import { parseQuizDefinitions } from '../attempt/quiz-definition.ts';

// The course's real banks and quiz definitions, as committed under content/.
const courseDir = new URL('../../../../../content/courses/measuring-labour-migration/', import.meta.url);
const quizzesDir = new URL('quizzes/', courseDir);
const definitions = parseQuizDefinitions(
  readFileSync(new URL('weekly-assessments.yaml', quizzesDir), 'utf8'),
);
const files = definitions.banks.map((path) => ({
  path,
  source: readFileSync(new URL(path, quizzesDir), 'utf8'),
}));
const bank = loadQuestionBank(files);
const courseModules: string[] = (
  parseYaml(readFileSync(new URL('course.yaml', courseDir), 'utf8')) as { modules: string[] }
).modules;

/** The values drawn for question `id` in a one-question attempt seeded by `seed`, as a learner would get them. */
const drawnVariables = (id: string, seed: string) =>
  buildAttemptLayout(
    { items: [{ kind: 'fixed', question: id, maxMark: 1 }], shuffleQuestions: false, shuffleAnswers: false },
    bank.questions,
    seed,
  )[0].variables ?? {};

describe('course question banks and weekly assessments', () => {
  it('parse without problems, with unique question names', () => {
    expect(bank.problems).toEqual([]);
    expect(bank.questions.length).toBeGreaterThanOrEqual(60);
  });

  // Every module objective is tested by at least one question (importer/content-quality.checks.ts), and each random draw needs a
  // pool larger than the draw, so a week with two modules holds 20–30 questions.
  it('have one bank per week with 10–30 questions, in categories week-N/<module of the course>', () => {
    for (const [week, file] of files.entries()) {
      const questions = loadQuestionBank([file]).questions;
      expect(questions.length, file.path).toBeGreaterThanOrEqual(10);
      expect(questions.length, file.path).toBeLessThanOrEqual(30);
      for (const { question } of questions) {
        const [prefix, module] = question.category.split('/');
        expect(prefix, question.name).toBe(`week-${week + 1}`);
        expect(courseModules, question.name).toContain(module);
      }
    }
  });

  it('put each module in the week its module.yaml gives', () => {
    const categories = new Set(bank.questions.map((b) => b.question.category));
    for (const category of categories) {
      const [prefix, module] = category.split('/');
      const file = new URL(`modules/${module}/module.yaml`, courseDir);
      if (!existsSync(file)) continue; // modules are written separately; course.yaml is checked above
      const { week } = parseYaml(readFileSync(file, 'utf8')) as { week: number };
      expect(prefix, category).toBe(`week-${week}`);
    }
  });

  it('define the six weekly quizzes, each referring only to existing questions and categories', () => {
    expect(definitions.quizzes.map((q) => q.week)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const quiz of definitions.quizzes)
      expect(checkQuizAgainstBank(quiz, bank.questions), quiz.id).toEqual([]);
  });

  it('can lay out attempts of 10 distinct questions for many learners', () => {
    for (const quiz of definitions.quizzes) {
      for (let learner = 0; learner < 25; learner++) {
        const slots = buildAttemptLayout(quiz, bank.questions, `${quiz.id}-attempt-${learner}`);
        expect(slots).toHaveLength(10);
        expect(new Set(slots.map((s) => s.questionId)).size).toBe(10);
      }
    }
  });

  it('has calculated questions whose right answer, rounded as the text asks, is accepted for any drawn values', () => {
    const calculated = bank.questions.filter((b) => b.question.type === 'calculated');
    expect(calculated.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'w1-calc-lfpr',
        'w1-calc-unemployment-rate',
        'w2-calc-migrant-share',
        'w6-calc-rci',
      ]),
    );
    for (const { id, question } of calculated) {
      if (question.type !== 'calculated') continue;
      const decimals = Math.max(0, Math.ceil(-Math.log10(question.tolerance.value)));
      for (let learner = 0; learner < 50; learner++) {
        const variables = drawnVariables(id, `a${learner}`);
        const answer = computeCalculatedAnswer(question, variables);
        expect(Number.isFinite(answer) && answer > 0, id).toBe(true);
        expect(
          gradeQuestion(question, { type: 'calculated', value: answer.toFixed(decimals) }, { variables })
            .fraction,
          id,
        ).toBe(1);
      }
    }
  });

  it('keeps rates that the text calls percentages between 0 and 100', () => {
    for (const id of [
      'w1-calc-lfpr',
      'w1-calc-unemployment-rate',
      'w2-calc-migrant-share',
      'w2-calc-migrant-lfpr',
      'w3-calc-job-vacancy-rate',
      'w3-calc-quota-utilisation',
      'w5-calc-stock-share',
    ]) {
      const entry = bank.questions.find((b) => b.id === id);
      if (entry?.question.type !== 'calculated') throw new Error(`${id} is not a calculated question`);
      for (let learner = 0; learner < 50; learner++) {
        const variables = drawnVariables(id, `b${learner}`);
        const value = computeCalculatedAnswer(entry.question, variables);
        expect(value > 0 && value < 100, `${id}: ${value}`).toBe(true);
      }
    }
  });
});
