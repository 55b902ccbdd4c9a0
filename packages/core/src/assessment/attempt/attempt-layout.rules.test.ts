import { describe, expect, it } from 'vitest';
import {
  buildAttemptLayout,
  toAuthoredChoices,
  type BankQuestion,
  type LayoutSpec,
} from './attempt-layout.rules.ts';
import { QuizDefinitionError } from './attempt.errors.ts';
import { parseGift } from '../gift/gift.parser.ts';

const bank: BankQuestion[] = parseGift(`$CATEGORY: w1/a

::a1::A1 {=x ~y ~z ~w}

::a2::A2 {T}

::a3::A3 {#1}

$CATEGORY: w1/a/deep

::d1::D1 {=x ~y}

$CATEGORY: w1/b

::b1::B1 {=a -> 1 =b -> 2 =c -> 3}

::b2::B2 {x} {#calc x * 2 :0 ~x = 1..1000}

::info::Read this first.`).map((question) => ({ id: question.name, question }));

const spec: LayoutSpec = {
  items: [
    { kind: 'fixed', question: 'info', maxMark: 1 },
    { kind: 'fixed', question: 'a1', maxMark: 2 },
    { kind: 'random', category: 'w1/a', count: 2, includeSubcategories: true, maxMark: 1 },
    { kind: 'random', category: 'w1/b', count: 2, includeSubcategories: false, maxMark: 1 },
  ],
  shuffleQuestions: false,
  shuffleAnswers: true,
};

describe('buildAttemptLayout', () => {
  it('is the same for the same attempt id', () => {
    expect(buildAttemptLayout(spec, bank, 'att-1')).toEqual(buildAttemptLayout(spec, bank, 'att-1'));
  });

  it('uses fixed questions, draws random ones without repeats, and gives descriptions no marks', () => {
    for (const attempt of ['att-1', 'att-2', 'att-3', 'att-4']) {
      const slots = buildAttemptLayout(spec, bank, attempt);
      const ids = slots.map((s) => s.questionId);
      expect(ids.slice(0, 2)).toEqual(['info', 'a1']);
      expect(new Set(ids).size).toBe(6);
      expect(['a2', 'a3', 'd1']).toEqual(expect.arrayContaining(ids.slice(2, 4)));
      expect(ids.slice(4).sort()).toEqual(['b1', 'b2']);
      expect(slots[0].maxMark).toBe(0);
    }
  });

  it('varies the draw, the choice order and the calculated values between attempts', () => {
    const layouts = Array.from({ length: 12 }, (_, i) => buildAttemptLayout(spec, bank, `att-${i}`));
    expect(
      new Set(
        layouts.map((l) =>
          l
            .slice(2, 4)
            .map((s) => s.questionId)
            .sort()
            .join(),
        ),
      ).size,
    ).toBeGreaterThan(1);
    expect(new Set(layouts.map((l) => l[1].choiceOrder?.join())).size).toBeGreaterThan(1);
    expect(
      new Set(layouts.map((l) => l.find((s) => s.questionId === 'b2')?.variables?.x)).size,
    ).toBeGreaterThan(1);
  });

  it('shuffles matching choices and keeps every choice', () => {
    const slot = buildAttemptLayout(spec, bank, 'att-1').find((s) => s.questionId === 'b1');
    expect([...(slot?.matchingChoices ?? [])].sort()).toEqual(['1', '2', '3']);
  });

  it('keeps authored order when shuffling is off', () => {
    const slots = buildAttemptLayout({ ...spec, shuffleAnswers: false }, bank, 'att-1');
    expect(slots[1].choiceOrder).toEqual([0, 1, 2, 3]);
  });

  it('reports a missing question or a category that is too small', () => {
    expect(() =>
      buildAttemptLayout({ ...spec, items: [{ kind: 'fixed', question: 'nope', maxMark: 1 }] }, bank, 'a'),
    ).toThrow(QuizDefinitionError);
    expect(() =>
      buildAttemptLayout(
        {
          ...spec,
          items: [{ kind: 'random', category: 'w1/a', count: 4, includeSubcategories: false, maxMark: 1 }],
        },
        bank,
        'a',
      ),
    ).toThrow(/has 3 questions left, 4 are needed/);
  });

  it('maps displayed option ids back to authored answers', () => {
    expect(
      toAuthoredChoices({ questionId: 'a1', maxMark: 1, choiceOrder: [2, 0, 3, 1] }, ['0', '3', '9', 'x']),
    ).toEqual([2, 1]);
  });
});
