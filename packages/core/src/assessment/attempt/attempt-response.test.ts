import { describe, expect, it } from 'vitest';
import { gradeManually, MAX_ANSWER_LENGTH, readResponse } from './attempt-response.ts';
import { ERROR_MESSAGES, errorMessage } from '../../errors/error-messages.ts';
import { parseGift } from '../gift/gift.parser.ts';
import type { AttemptSlot } from './attempt-layout.rules.ts';

const [single, multi, tf, match, short, num, essay, calc, info] = parseGift(`Q {=a ~b ~c}

Q {~%50%a ~%50%b ~%-100%c}

Q {T}

Q {=A -> 1 =B -> 2 = -> 3}

Q {=x}

Q {#4}

Q {}

Q {v} {#calc v :0 ~v = 1..3}

Info`);
const slot: AttemptSlot = {
  questionId: 'q',
  maxMark: 1,
  choiceOrder: [2, 0, 1],
  matchingChoices: ['3', '1', '2'],
};

describe('readResponse', () => {
  it('maps displayed option ids back to authored answers', () => {
    expect(readResponse(single, slot, { selected: ['1'] })).toEqual({
      response: { type: 'multichoice', choices: [0] },
    });
    expect(readResponse(multi, slot, { selected: ['0', '2', '0'] })).toEqual({
      response: { type: 'multichoice', choices: [2, 1] },
    });
    expect(readResponse(single, slot, { selected: [] })).toEqual({});
  });

  it('refuses options that are not shown, and several options on a one-answer question', () => {
    expect(readResponse(single, slot, { selected: ['3'] }).problem?.code).toBe('answer.unknown_option');
    expect(readResponse(single, slot, { selected: ['-1'] }).problem?.code).toBe('answer.unknown_option');
    expect(readResponse(single, slot, { selected: ['0', '1'] }).problem?.code).toBe(
      'answer.too_many_options',
    );
  });

  it('reads true/false, matching, typed answers and essays', () => {
    expect(readResponse(tf, slot, { selected: ['false'] })).toEqual({
      response: { type: 'truefalse', value: false },
    });
    expect(readResponse(tf, slot, { selected: ['maybe'] }).problem?.code).toBe('answer.unknown_option');
    expect(readResponse(match, slot, { pairs: { p0: '1', p1: '' } })).toEqual({
      response: { type: 'matching', pairs: { 0: '1' } },
    });
    expect(readResponse(match, slot, { pairs: { p0: '9' } }).problem?.code).toBe('answer.unknown_choice');
    expect(readResponse(match, slot, { pairs: { p2: '3' } }).problem?.code).toBe('answer.unknown_option');
    expect(readResponse(short, slot, { text: '  x ' })).toEqual({
      response: { type: 'shortanswer', text: 'x' },
    });
    expect(readResponse(num, slot, { text: '4,0' })).toEqual({
      response: { type: 'numerical', value: '4,0' },
    });
    expect(readResponse(calc, slot, { text: '2' })).toEqual({ response: { type: 'calculated', value: '2' } });
    expect(readResponse(essay, slot, { text: 'An essay' })).toEqual({
      response: { type: 'essay', text: 'An essay' },
    });
    expect(readResponse(info, slot, { text: 'x' })).toEqual({});
  });

  it('refuses numerical and calculated answers that are not numbers, in the forms the grading reads', () => {
    for (const text of ['1 234,5', '1\u00a0234.5', '-3,5', '+2', '.5', '1e3'])
      expect(readResponse(num, slot, { text }).response, text).toEqual({ type: 'numerical', value: text });
    for (const text of ['1,234.5', 'four', '4 %', '1,2,3', '0x10', 'Infinity', '4..5'])
      expect(readResponse(num, slot, { text }), text).toEqual({ problem: { code: 'answer.not_a_number' } });
    expect(readResponse(calc, slot, { text: 'two' })).toEqual({ problem: { code: 'answer.not_a_number' } });
    expect(readResponse(short, slot, { text: 'four' }).response).toEqual({
      type: 'shortanswer',
      text: 'four',
    });
  });

  it('refuses texts over the limit', () => {
    expect(readResponse(short, slot, { text: 'x'.repeat(MAX_ANSWER_LENGTH + 1) }).problem?.code).toBe(
      'answer.too_long',
    );
  });
});

describe('answer error codes', () => {
  it('each has its own English and French message', () => {
    const codes = Object.keys(ERROR_MESSAGES).filter((c) =>
      c.startsWith('answer.'),
    ) as (keyof typeof ERROR_MESSAGES)[];
    expect(codes).toContain('answer.not_a_number');
    for (const code of codes) {
      expect(errorMessage(code, 'fr')).not.toBe(errorMessage(code, 'en'));
      expect(errorMessage(code, 'en')).toMatch(/\.$/);
    }
    expect(errorMessage('answer.not_a_number', 'fr')).toBe('Saisissez un nombre, par exemple 12,5 ou 12.5.');
  });
});

describe('gradeManually', () => {
  it('records a tutor grade and refuses values outside [0, 1]', () => {
    expect(gradeManually(0.5)).toEqual({ state: 'partial', fraction: 0.5, matched: [] });
    expect(gradeManually(1).state).toBe('correct');
    expect(() => gradeManually(1.2)).toThrow(RangeError);
    expect(() => gradeManually(Number.NaN)).toThrow(RangeError);
  });
});
