import { describe, expect, it } from 'vitest';
import { parseGift } from './gift.parser.ts';
import { toGift } from './gift.writer.ts';
import { createSeededRandom, randomIndex, type RandomSource } from '../attempt/seeded-random.ts';
import type { Question, TextFormat } from './gift.types.ts';

// Generated questions whose texts use every special character of GIFT. Texts start and end with a letter
// (GIFT trims texts) and avoid "->" (the matching separator cannot be escaped).
const CHARS = 'abcxyz ~=#{}:\\[]%.\n-é';

function text(r: RandomSource, length = 1 + randomIndex(r, 12)): string {
  let s = 'a';
  for (let i = 0; i < length; i++) s += CHARS[randomIndex(r, CHARS.length)];
  return `${s.replace(/->/g, '-x').replace(/\s+$/, '')}z`;
}

function base(r: RandomSource, i: number) {
  const formats: TextFormat[] = ['moodle', 'html', 'plain', 'markdown'];
  return {
    name: text(r),
    text: text(r),
    format: formats[randomIndex(r, 4)],
    category: `cat/${i % 3}`,
    generalFeedback: r() < 0.5 ? '' : text(r),
    line: 0,
  };
}

function generate(r: RandomSource, i: number): Question {
  const b = base(r, i);
  const fb = () => (r() < 0.5 ? '' : text(r));
  switch (i % 7) {
    case 0:
      return {
        ...b,
        type: 'multichoice',
        multipleAnswers: false,
        answers: [
          { text: text(r), fraction: 1, feedback: fb() },
          { text: text(r), fraction: 0, feedback: fb() },
          { text: text(r), fraction: -0.5, feedback: fb() },
        ],
      };
    case 1:
      return {
        ...b,
        type: 'multichoice',
        multipleAnswers: true,
        answers: [
          { text: text(r), fraction: 0.7, feedback: fb() },
          { text: text(r), fraction: 0.3, feedback: fb() },
          { text: text(r), fraction: -1, feedback: fb() },
        ],
      };
    case 2:
      return { ...b, type: 'truefalse', correct: r() < 0.5, feedbackWrong: fb(), feedbackRight: fb() };
    case 3:
      return {
        ...b,
        type: 'shortanswer',
        answers: [
          { text: text(r), fraction: 1, feedback: fb() },
          { text: text(r), fraction: 0.25, feedback: fb() },
        ],
      };
    case 4:
      return {
        ...b,
        type: 'numerical',
        answers: [
          { kind: 'value', value: -12.5, tolerance: 0.25, fraction: 1, feedback: fb() },
          { kind: 'range', min: -20, max: 1e3, fraction: 0.5, feedback: fb() },
          { kind: 'any', fraction: 0, feedback: fb() },
        ],
      };
    case 5:
      return {
        ...b,
        type: 'matching',
        pairs: [
          { question: text(r), answer: text(r) },
          { question: text(r), answer: text(r) },
          { question: '', answer: text(r) },
        ],
      };
    default:
      return { ...b, type: 'essay', missingWord: undefined } as Question;
  }
}

const strip = (qs: Question[]) => qs.map(({ line: _l, missingWord: _m, ...rest }) => rest);

describe('GIFT round trip over generated questions', () => {
  it('import(export(questions)) equals the questions for 700 generated questions', () => {
    const r = createSeededRandom('roundtrip');
    const questions = Array.from({ length: 700 }, (_, i) => generate(r, i));
    expect(strip(parseGift(toGift(questions)))).toEqual(strip(questions));
  });
});
