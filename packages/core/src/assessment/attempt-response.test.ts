import { describe, expect, it } from 'vitest';
import { gradeManually, MAX_ANSWER_LENGTH, readResponse } from './attempt-response.ts';
import { parseGift } from './gift.parser.ts';
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
    expect(readResponse(single, slot, { selected: ['3'] }).problem?.code).toBe('response.unknown-option');
    expect(readResponse(single, slot, { selected: ['-1'] }).problem?.code).toBe('response.unknown-option');
    expect(readResponse(single, slot, { selected: ['0', '1'] }).problem?.code).toBe(
      'response.too-many-options',
    );
  });

  it('reads true/false, matching, typed answers and essays', () => {
    expect(readResponse(tf, slot, { selected: ['false'] })).toEqual({
      response: { type: 'truefalse', value: false },
    });
    expect(readResponse(tf, slot, { selected: ['maybe'] }).problem?.code).toBe('response.unknown-option');
    expect(readResponse(match, slot, { pairs: { p0: '1', p1: '' } })).toEqual({
      response: { type: 'matching', pairs: { 0: '1' } },
    });
    expect(readResponse(match, slot, { pairs: { p0: '9' } }).problem?.code).toBe('response.unknown-choice');
    expect(readResponse(match, slot, { pairs: { p2: '3' } }).problem?.code).toBe('response.unknown-option');
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

  it('refuses texts over the limit', () => {
    expect(readResponse(short, slot, { text: 'x'.repeat(MAX_ANSWER_LENGTH + 1) }).problem?.code).toBe(
      'response.too-long',
    );
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
