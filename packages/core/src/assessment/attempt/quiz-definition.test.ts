import { describe, expect, it } from 'vitest';
import { QuizDefinitionError } from './attempt.errors.ts';
import { parseQuizDefinitions } from './quiz-definition.ts';

const valid = `
banks: [week-1.gift]
defaults:
  timeLimitMinutes: 30
  attemptsAllowed: 2
  gradingMethod: highest
  maxGrade: 100
  passMark: 60
  shuffleQuestions: true
  shuffleAnswers: true
  feedbackMode: after-submission
quizzes:
  - id: week-1
    week: 1
    title: Week 1
    feedbackMode: immediate
    timeLimitMinutes: null
    questions:
      - { question: w1-intro, maxMark: 0 }
      - { category: week-1/a, count: 3 }
      - { category: week-1, count: 2, includeSubcategories: true, maxMark: 2 }
`;

function errorOf(text: string): QuizDefinitionError {
  try {
    parseQuizDefinitions(text);
  } catch (error) {
    if (error instanceof QuizDefinitionError) return error;
    throw error;
  }
  throw new Error('expected a QuizDefinitionError');
}

describe('parseQuizDefinitions', () => {
  it('merges defaults into each quiz and reads fixed and random items', () => {
    const { banks, quizzes } = parseQuizDefinitions(valid);
    expect(banks).toEqual(['week-1.gift']);
    expect(quizzes[0]).toEqual({
      id: 'week-1',
      week: 1,
      title: 'Week 1',
      timeLimitMinutes: null,
      attemptsAllowed: 2,
      gradingMethod: 'highest',
      maxGrade: 100,
      passMark: 60,
      shuffleQuestions: true,
      shuffleAnswers: true,
      feedbackMode: 'immediate',
      items: [
        { kind: 'fixed', question: 'w1-intro', maxMark: 0 },
        { kind: 'random', category: 'week-1/a', count: 3, includeSubcategories: false, maxMark: 1 },
        { kind: 'random', category: 'week-1', count: 2, includeSubcategories: true, maxMark: 2 },
      ],
    });
  });

  it.each([
    [
      'a bad grading method',
      valid.replace('gradingMethod: highest', 'gradingMethod: best'),
      'defaults.gradingMethod',
    ],
    ['a missing setting', valid.replace('  attemptsAllowed: 2\n', ''), 'quizzes[0].attemptsAllowed'],
    ['a pass mark above the maximum', valid.replace('passMark: 60', 'passMark: 160'), 'quizzes[0].passMark'],
    ['an unknown key', valid.replace('    week: 1\n', '    week: 1\n    colour: red\n'), 'quizzes[0]'],
    [
      'an item with neither question nor category',
      valid.replace('{ category: week-1/a, count: 3 }', '{ count: 3 }'),
      'quizzes[0].questions[1]',
    ],
    ['broken YAML', 'banks: [a\n', '(file)'],
  ])('rejects %s, naming the entry', (_label, text, path) => {
    const error = errorOf(text);
    expect(error.code).toBe('quiz.invalid-definition');
    expect(error.path).toBe(path);
  });
});
