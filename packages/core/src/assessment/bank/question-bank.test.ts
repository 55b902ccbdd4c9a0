import { describe, expect, it } from 'vitest';
import { checkQuizAgainstBank, loadQuestionBank } from './question-bank.ts';
import type { QuizDefinition } from '../attempt/quiz-definition.ts';

const quiz = (items: QuizDefinition['items']): QuizDefinition => ({
  id: 'w1',
  week: 1,
  title: 'W1',
  items,
  timeLimitMinutes: null,
  attemptsAllowed: 0,
  gradingMethod: 'highest',
  maxGrade: 10,
  passMark: 6,
  shuffleQuestions: false,
  shuffleAnswers: false,
  feedbackMode: 'after-submission',
});

describe('loadQuestionBank', () => {
  it('merges files into one bank keyed by question name', () => {
    const result = loadQuestionBank([
      { path: 'a.gift', source: '$CATEGORY: c\n\n::q1::x {T}' },
      { path: 'b.gift', source: '::q2::y {F}' },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => [q.id, q.question.category])).toEqual([
      ['q1', 'c'],
      ['q2', ''],
    ]);
  });

  it('reports every file with a problem and returns no questions (all or nothing)', () => {
    const result = loadQuestionBank([
      { path: 'a.gift', source: '::q1::x {T}\n\n::q2::y {' },
      { path: 'b.gift', source: '::q1::z {F}' },
      { path: 'c.gift', source: '::q3::fine {T}\n\n::q1::again {T}' },
    ]);
    expect(result.questions).toEqual([]);
    expect(result.problems).toEqual([
      {
        code: 'gift.unclosed-answers',
        file: 'a.gift',
        line: 3,
        column: 9,
        message: expect.stringContaining('not closed'),
      },
      {
        code: 'bank.duplicate-name',
        file: 'c.gift',
        line: 3,
        column: 1,
        message: 'question name "q1" is already used at b.gift:1; give it its own ::title::',
      },
    ]);
  });
});

describe('checkQuizAgainstBank', () => {
  const { questions } = loadQuestionBank([
    {
      path: 'a.gift',
      source: '$CATEGORY: w1/a\n\n::a1::x {T}\n\n::a2::y {T}\n\n::a3::z {T}\n\n::info::Read me.',
    },
  ]);

  it('accepts existing questions and categories with enough questions', () => {
    expect(
      checkQuizAgainstBank(
        quiz([
          { kind: 'fixed', question: 'a1', maxMark: 1 },
          { kind: 'random', category: 'w1/a', count: 2, includeSubcategories: false, maxMark: 1 },
        ]),
        questions,
      ),
    ).toEqual([]);
  });

  it('names unknown questions, unknown categories and categories that are too small', () => {
    expect(
      checkQuizAgainstBank(
        quiz([
          { kind: 'fixed', question: 'nope', maxMark: 1 },
          { kind: 'random', category: 'w1/b', count: 1, includeSubcategories: false, maxMark: 1 },
          { kind: 'random', category: 'w1/a', count: 4, includeSubcategories: false, maxMark: 1 },
        ]),
        questions,
      ),
    ).toEqual([
      'w1.questions[0]: no question named "nope" in the banks',
      'w1.questions[1]: category "w1/b" does not exist or has no questions',
      'w1.questions[2]: category "w1/a" has 3 questions, 4 are drawn',
    ]);
  });
});
