import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GiftSyntaxError } from './gift.errors.ts';
import { parseGift } from './gift.parser.ts';

const corpus = readFileSync(new URL('./fixtures/all-features.gift', import.meta.url), 'utf8');
const byName = (name: string) => parseGift(corpus).find((q) => q.name === name);

function errorOf(source: string): GiftSyntaxError {
  try {
    parseGift(source);
  } catch (error) {
    if (error instanceof GiftSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a GiftSyntaxError');
}

describe('parseGift — question types', () => {
  it('reads every question of the corpus, with categories', () => {
    const questions = parseGift(corpus);
    expect(questions.map((q) => q.type)).toEqual([
      'multichoice',
      'multichoice',
      'multichoice',
      'truefalse',
      'truefalse',
      'shortanswer',
      'numerical',
      'numerical',
      'numerical',
      'matching',
      'essay',
      'shortanswer',
      'description',
      'calculated',
      'calculated',
    ]);
    expect(questions[0].category).toBe('$course$/top/Features/Choice');
    expect(questions[3].category).toBe('$course$/top/Features/Other');
  });

  it('reads multiple choice with one right answer, per-answer and general feedback', () => {
    expect(byName('Grant single')).toEqual({
      type: 'multichoice',
      name: 'Grant single',
      text: "Who is buried in Grant's tomb?",
      format: 'moodle',
      category: '$course$/top/Features/Choice',
      generalFeedback: 'The tomb is above ground.',
      line: 6,
      multipleAnswers: false,
      answers: [
        { text: 'Grant', fraction: 0, feedback: 'No, he is entombed.' },
        { text: 'Jefferson', fraction: 0, feedback: '' },
        { text: 'no one', fraction: 1, feedback: 'Right: nobody is *buried* there.' },
      ],
    });
  });

  it('reads multiple right answers with positive and negative percentages', () => {
    expect(byName('Several right')).toMatchObject({
      multipleAnswers: true,
      answers: [
        { text: 'Employed', fraction: 0.5 },
        { text: 'Unemployed', fraction: 0.5 },
        { text: 'Retired', fraction: -1 },
      ],
    });
  });

  it('reads a missing-word question with the text before and after the blank', () => {
    expect(byName('Missing word')).toMatchObject({
      type: 'multichoice',
      text: "Grant is _____ in Grant's tomb.",
      missingWord: { before: 'Grant is ', after: " in Grant's tomb." },
    });
    expect(byName('Short')).toMatchObject({ text: 'Two plus two equals _____ in words.' });
  });

  it('reads true/false with the feedback for a wrong and a right answer, and the [markdown] format', () => {
    expect(byName('TF plain')).toMatchObject({
      type: 'truefalse',
      correct: true,
      feedbackWrong: '',
      feedbackRight: '',
    });
    expect(byName('TF feedback')).toMatchObject({
      type: 'truefalse',
      correct: false,
      format: 'markdown',
      text: 'The sun **rises** in the west.',
      feedbackWrong: 'Wrong: it rises in the east.',
      feedbackRight: 'Right, it does not.',
      generalFeedback: 'Astronomy 101',
    });
  });

  it('accepts T, F, TRUE and FALSE in any case', () => {
    expect(parseGift('a {t}\n\nb {False}').map((q) => q.type === 'truefalse' && q.correct)).toEqual([
      true,
      false,
    ]);
  });

  it('reads short answers with alternatives and percentages', () => {
    expect(byName('Short')).toMatchObject({
      type: 'shortanswer',
      answers: [
        { text: 'four', fraction: 1 },
        { text: '4', fraction: 1 },
        { text: 'quatre', fraction: 0.5, feedback: 'Half: that is French.' },
      ],
    });
  });

  it('reads numerical answers: tolerance, range, several answers with partial credit and other-answer feedback', () => {
    expect(byName('Numerical tol')).toMatchObject({
      answers: [{ kind: 'value', value: 3.14, tolerance: 0.005, fraction: 1, feedback: 'Well done' }],
    });
    expect(byName('Numerical range')).toMatchObject({
      answers: [{ kind: 'range', min: 1, max: 5, fraction: 1 }],
    });
    expect(byName('Numerical multi')).toMatchObject({
      answers: [
        { kind: 'value', value: 1822, tolerance: 0, fraction: 1, feedback: 'Exactly' },
        { kind: 'value', value: 1822, tolerance: 2, fraction: 0.5, feedback: 'Close' },
        { kind: 'any', fraction: 0, feedback: 'Not even close' },
      ],
    });
    expect(parseGift('x {#-5..-1.5}')[0]).toMatchObject({ answers: [{ kind: 'range', min: -5, max: -1.5 }] });
  });

  it('reads matching pairs and a distractor answer', () => {
    expect(byName('Matching')).toMatchObject({
      type: 'matching',
      pairs: [
        { question: 'Canada', answer: 'Ottawa' },
        { question: 'Italy', answer: 'Rome' },
        { question: 'Japan', answer: 'Tokyo' },
        { question: '', answer: 'Paris' },
      ],
    });
  });

  it('reads an essay with general feedback in [html], and a description in [plain]', () => {
    expect(byName('Essay')).toMatchObject({
      type: 'essay',
      format: 'html',
      text: "<p>Describe your country's labour force survey.</p>",
      generalFeedback: 'Look for the sample design.',
    });
    expect(parseGift(corpus)[12]).toMatchObject({
      type: 'description',
      format: 'plain',
      text: 'A description with no answers, in plain text.',
      name: 'A description with no answers, in plain text.',
    });
  });

  it('resolves the escapes \\~ \\= \\# \\{ \\} \\: and \\n', () => {
    expect(byName('Escapes: title')).toMatchObject({
      text: 'Escaped ~ = # { } : and a line\nbreak.',
      answers: [{ text: 'a = b', feedback: 'c # d' }],
    });
    expect(parseGift('Keep \\(x\\) and \\\\ as typed')[0].text).toBe('Keep \\(x\\) and \\ as typed');
  });

  it('reads calculated questions (labmig extension) with variables, tolerance and feedback', () => {
    expect(byName('Calculated')).toMatchObject({
      type: 'calculated',
      formula: '100 * unemp / (emp + unemp)',
      tolerance: { kind: 'absolute', value: 0.05 },
      feedback: 'Unemployed over labour force, times 100.',
      generalFeedback: 'UR = U / (E + U) × 100.',
      text: 'A survey counts {emp} employed and {unemp} unemployed persons. What is the unemployment rate (%)?',
      variables: [
        { name: 'emp', min: 800, max: 1200, step: 1 },
        { name: 'unemp', min: 40, max: 120, step: 0.5 },
      ],
    });
    expect(byName('Calculated relative')).toMatchObject({
      tolerance: { kind: 'relative', value: 0.01 },
      variables: [
        { name: 'a', step: 1 },
        { name: 'b', step: 10 },
      ],
    });
  });

  it('names an untitled question after its text, and keeps multi-line text', () => {
    const [q] = parseGift('// c\nFirst line\n// inside comment\nsecond line {=x}');
    expect(q).toMatchObject({ name: 'First line second line', text: 'First line\nsecond line', line: 2 });
  });

  it('accepts a category line directly followed by a question, CRLF line ends and a BOM', () => {
    const qs = parseGift('\uFEFF$CATEGORY: w1\r\n::a::x {T}\r\n\r\n::b::y {F}');
    expect(qs.map((q) => [q.category, q.name, q.line])).toEqual([
      ['w1', 'a', 2],
      ['w1', 'b', 4],
    ]);
  });
});

describe('parseGift — errors reject the whole file with line, column and what to do', () => {
  it.each([
    ['::ok:: fine {T}\n\n::bad:: x {=a ~b', 'gift.unclosed-answers', 3, 11, 'add "}"'],
    ['x } y', 'gift.unexpected-close-brace', 1, 3, '\\}'],
    ['a {T} b {F}', 'gift.several-answer-blocks', 1, 9, 'only one answer block'],
    ['a {=x {y}}', 'gift.several-answer-blocks', 1, 7, 'close that block'],
    ['::title without end {T}', 'gift.unclosed-title', 1, 1, 'end it with "::"'],
    ['q {~only}', 'gift.too-few-answers', 1, 4, 'at least two'],
    ['q {~%abc%a ~b =c}', 'gift.bad-weight', 1, 5, '%50%'],
    ['q {~%150%a =b}', 'gift.bad-weight', 1, 5, 'between -100 and 100'],
    ['q {~%50%a ~%40%b}', 'gift.bad-weights-total', 1, 4, 'add up to 100'],
    ['q {~a ~b}', 'gift.no-right-answer', 1, 4, 'mark the right choice'],
    ['q {#abc}', 'gift.bad-number', 1, 5, 'not a number'],
    ['q {#5..1}', 'gift.bad-number', 1, 5, 'smaller number first'],
    ['q {=a -> b =c}', 'gift.bad-matching-pair', 1, 13, '"->"'],
    ['q {=a -> b}', 'gift.too-few-answers', 1, 4, 'two pairs'],
    ['q {maybe}', 'gift.bad-answer', 1, 4, 'cannot tell the question type'],
    ['q {=%50%a}', 'gift.no-right-answer', 1, 4, '100 %'],
    ['q {#calc 2 * x}', 'gift.bad-calculated', 1, 10, 'tolerance'],
    ['q {#calc 2 * y :1 ~x = 1..2}', 'gift.bad-calculated', 1, 14, 'unknown variable "y"'],
    ['q {#calc 1 / x :1 ~x = 0..2}', 'gift.bad-calculated', 1, 10, 'Infinity'],
    ['q {#calc x :1 ~x = 5..1}', 'gift.bad-calculated', 1, 16, 'smaller number first'],
    ['q {z} {#calc x :1 ~x = 1..2}', 'gift.bad-calculated', 1, 7, 'declares no variable z'],
  ])('%s → %s', (source, code, line, column, hint) => {
    const error = errorOf(source);
    expect(error.code).toBe(code);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message).toContain(hint);
    expect(error.message).toMatch(/^line \d+, column \d+: /);
  });

  it('reports errors on later lines of a multi-line question', () => {
    const error = errorOf('::q::Pick {\n\t~a\n\t~%x%b\n\t=c\n}');
    expect([error.code, error.line, error.column]).toEqual(['gift.bad-weight', 3, 3]);
  });
});
