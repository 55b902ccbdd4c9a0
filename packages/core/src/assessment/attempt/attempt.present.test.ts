import { describe, expect, it } from 'vitest';
import { firstSlotToAnswer, type AttemptDto } from './attempt.present.ts';

const attemptOf = (questions: readonly object[]) =>
  ({ questions }) as unknown as Pick<AttemptDto, 'questions'>;

describe('firstSlotToAnswer', () => {
  it('finds the first question still to answer, skipping descriptions, answers and checked questions', () => {
    const answered = { type: 'multichoice', response: { selected: ['1'] } };
    expect(
      firstSlotToAnswer(
        attemptOf([
          answered,
          { type: 'description' },
          { type: 'numerical', checked: true },
          { type: 'truefalse' },
          { type: 'essay' },
        ]),
      ),
    ).toBe(3);
    expect(firstSlotToAnswer(attemptOf([{ type: 'essay' }, answered]))).toBe(0);
  });

  it('is null when every question has an answer (the summary)', () => {
    expect(
      firstSlotToAnswer(
        attemptOf([{ type: 'truefalse', response: { selected: ['true'] } }, { type: 'description' }]),
      ),
    ).toBeNull();
  });
});
