import { describe, expect, it } from 'vitest';
import { parseGift } from '../gift/gift.parser.ts';
import { gradeQuestion, matchesShortAnswer, parseNumericResponse } from './grading.rules.ts';
import type { Question } from '../gift/gift.types.ts';

const q = (gift: string): Question => parseGift(gift)[0];

describe('gradeQuestion — multiple choice', () => {
  const single = q('Q {=right ~wrong ~%50%half ~%-50%bad}');
  const multi = q('Q {~%50%a ~%50%b ~%-100%c ~d}');

  it('gives the weight of the one chosen answer', () => {
    expect(gradeQuestion(single, { type: 'multichoice', choices: [0] })).toEqual({
      state: 'correct',
      fraction: 1,
      matched: [0],
    });
    expect(gradeQuestion(single, { type: 'multichoice', choices: [2] })).toEqual({
      state: 'partial',
      fraction: 0.5,
      matched: [2],
    });
    expect(gradeQuestion(single, { type: 'multichoice', choices: [1] })).toMatchObject({
      state: 'incorrect',
      fraction: 0,
    });
  });

  it('floors a negative weight at 0 for the question', () => {
    expect(gradeQuestion(single, { type: 'multichoice', choices: [3] })).toMatchObject({
      state: 'incorrect',
      fraction: 0,
      matched: [3],
    });
  });

  it('refuses several choices for a single-answer question', () => {
    expect(gradeQuestion(single, { type: 'multichoice', choices: [0, 1] }).state).toBe('invalid');
  });

  it('adds the weights of several choices, floored at 0 and capped at 1', () => {
    expect(gradeQuestion(multi, { type: 'multichoice', choices: [0, 1] }).fraction).toBe(1);
    expect(gradeQuestion(multi, { type: 'multichoice', choices: [0] })).toMatchObject({
      state: 'partial',
      fraction: 0.5,
    });
    expect(gradeQuestion(multi, { type: 'multichoice', choices: [0, 3] }).fraction).toBe(0.5);
    expect(gradeQuestion(multi, { type: 'multichoice', choices: [0, 2] }).fraction).toBe(0);
    expect(gradeQuestion(multi, { type: 'multichoice', choices: [0, 1, 2] }).fraction).toBe(0);
  });

  it('treats no choice as unanswered', () => {
    expect(gradeQuestion(multi, { type: 'multichoice', choices: [] })).toEqual({
      state: 'unanswered',
      fraction: 0,
      matched: [],
    });
    expect(gradeQuestion(multi, undefined).state).toBe('unanswered');
  });
});

describe('gradeQuestion — true/false, short answer, essay, description', () => {
  it('grades true/false', () => {
    const tf = q('Sky is green {F}');
    expect(gradeQuestion(tf, { type: 'truefalse', value: false }).fraction).toBe(1);
    expect(gradeQuestion(tf, { type: 'truefalse', value: true }).fraction).toBe(0);
  });

  it('matches short answers case-insensitively, with collapsed spaces and partial credit', () => {
    const sa = q('Who? {=International Labour Organization =ILO =%50%the labour office}');
    expect(
      gradeQuestion(sa, { type: 'shortanswer', text: '  international   labour organization ' }).fraction,
    ).toBe(1);
    expect(gradeQuestion(sa, { type: 'shortanswer', text: 'ilo' })).toMatchObject({
      fraction: 1,
      matched: [1],
    });
    expect(gradeQuestion(sa, { type: 'shortanswer', text: 'The Labour Office' })).toMatchObject({
      state: 'partial',
      fraction: 0.5,
      matched: [2],
    });
    expect(gradeQuestion(sa, { type: 'shortanswer', text: 'UN' })).toMatchObject({
      state: 'incorrect',
      fraction: 0,
    });
    expect(gradeQuestion(sa, { type: 'shortanswer', text: 'ilo' }, { caseSensitive: true }).fraction).toBe(0);
  });

  it('supports the * wildcard and takes the first matching answer', () => {
    expect(matchesShortAnswer('labour force survey', 'labo*r force*')).toBe(true);
    expect(matchesShortAnswer('labour', 'l.bour')).toBe(false);
    const sa = q('Q {=%50%lab* =labour}');
    expect(gradeQuestion(sa, { type: 'shortanswer', text: 'labour' }).fraction).toBe(0.5);
  });

  it('sends a written essay to manual grading and ignores descriptions', () => {
    expect(gradeQuestion(q('Write {}'), { type: 'essay', text: 'My answer' })).toEqual({
      state: 'pending',
      fraction: null,
      matched: [],
    });
    expect(gradeQuestion(q('Write {}'), { type: 'essay', text: '  ' }).state).toBe('unanswered');
    expect(gradeQuestion(q('Just text'), undefined)).toEqual({
      state: 'ungraded',
      fraction: null,
      matched: [],
    });
  });

  it('throws on a response of another type (a bug in the caller)', () => {
    expect(() => gradeQuestion(q('Sky {T}'), { type: 'shortanswer', text: 'x' })).toThrow(TypeError);
  });
});

describe('gradeQuestion — numerical, calculated, matching', () => {
  it('accepts answers within the tolerance, inclusive', () => {
    const n = q('Pi {#3.14:0.01}');
    expect(gradeQuestion(n, { type: 'numerical', value: '3.15' }).fraction).toBe(1);
    expect(gradeQuestion(n, { type: 'numerical', value: 3.13 }).fraction).toBe(1);
    expect(gradeQuestion(n, { type: 'numerical', value: '3.151' }).fraction).toBe(0);
    expect(gradeQuestion(n, { type: 'numerical', value: '3,14' }).fraction).toBe(1);
    expect(gradeQuestion(n, { type: 'numerical', value: 'pi' }).state).toBe('invalid');
  });

  it('accepts ranges and gives partial credit to later answers', () => {
    expect(gradeQuestion(q('R {#1..5}'), { type: 'numerical', value: 5 }).fraction).toBe(1);
    expect(gradeQuestion(q('R {#1..5}'), { type: 'numerical', value: 5.01 }).fraction).toBe(0);
    const multi = q('Born? {#=1822:0 =%50%1822:2 ~#no}');
    expect(gradeQuestion(multi, { type: 'numerical', value: 1822 })).toMatchObject({
      fraction: 1,
      matched: [0],
    });
    expect(gradeQuestion(multi, { type: 'numerical', value: 1820 })).toMatchObject({
      fraction: 0.5,
      matched: [1],
    });
    expect(gradeQuestion(multi, { type: 'numerical', value: 1700 })).toMatchObject({
      state: 'incorrect',
      fraction: 0,
      matched: [2],
    });
  });

  it('grades calculated answers from the drawn values with their tolerance', () => {
    const c = q(
      'E {emp} U {unemp}? {#calc 100 * unemp / (emp + unemp) :0.05 ~emp = 800..1200 ~unemp = 40..120}',
    );
    const variables = { emp: 900, unemp: 100 };
    expect(gradeQuestion(c, { type: 'calculated', value: '10' }, { variables }).fraction).toBe(1);
    expect(gradeQuestion(c, { type: 'calculated', value: '10.05' }, { variables }).fraction).toBe(1);
    expect(gradeQuestion(c, { type: 'calculated', value: '10.1' }, { variables }).fraction).toBe(0);
    expect(() => gradeQuestion(c, { type: 'calculated', value: '10' })).toThrow(TypeError);
  });

  it('gives matching credit per right pair, ignoring distractors', () => {
    const m = q('Match {=A -> 1 =B -> 2 =C -> 3 =D -> 4 = -> 5}');
    expect(gradeQuestion(m, { type: 'matching', pairs: { 0: '1', 1: '2', 2: '3', 3: '4' } }).fraction).toBe(
      1,
    );
    expect(gradeQuestion(m, { type: 'matching', pairs: { 0: '1', 1: '2', 2: '5', 3: '3' } })).toMatchObject({
      state: 'partial',
      fraction: 0.5,
      matched: [0, 1],
    });
    expect(gradeQuestion(m, { type: 'matching', pairs: {} }).state).toBe('unanswered');
  });
});

describe('parseNumericResponse', () => {
  it.each([
    ['1 234,5', 1234.5],
    ['-0.5', -0.5],
    ['1e3', 1000],
    ['12\u202f000', 12000],
    ['1,234.5', Number.NaN],
    ['', Number.NaN],
    ['abc', Number.NaN],
  ])('%s → %s', (text, expected) => {
    expect(parseNumericResponse(text)).toBe(expected);
  });
});
