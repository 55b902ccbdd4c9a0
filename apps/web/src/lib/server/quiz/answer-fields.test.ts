import type { PresentedQuestion } from '@labmig/core/assessment';
import { describe, expect, it } from 'vitest';
import { fieldsOfForm, fieldsOfJson, readAnswers } from './answer-fields.ts';

const q = (slot: number, type: PresentedQuestion['type'], extra: Partial<PresentedQuestion> = {}) =>
  ({ slot, type, text: 'Q', format: 'markdown', maxMark: 1, ...extra }) as PresentedQuestion;

const questions: PresentedQuestion[] = [
  q(0, 'multichoice', { multipleAnswers: false }),
  q(1, 'multichoice', { multipleAnswers: true }),
  q(2, 'numerical'),
  q(3, 'matching', {
    prompts: [
      { id: 'p0', text: 'A' },
      { id: 'p2', text: 'B' },
    ],
    choices: ['x', 'y'],
  }),
  q(4, 'truefalse'),
  q(5, 'description'),
  q(6, 'calculated'),
  q(7, 'shortanswer'),
];

const form = (entries: [string, string][]): FormData => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe('readAnswers', () => {
  it('reads every kind of field in the ids of the presented question', () => {
    const fields = fieldsOfForm(
      form([
        ['slot-0', '2'],
        ['slot-1', '0'],
        ['slot-1', '3'],
        ['slot-2', '1 234,5'],
        ['slot-3-p0', 'y'],
        ['slot-4', 'false'],
        ['slot-7', ' Geneva '],
        ['page', 'all'],
      ]),
    );
    const answers = readAnswers(fields, questions, [0, 1, 2, 3, 4, 5, 6, 7], () => false);
    expect(answers).toEqual({
      0: { selected: ['2'] },
      1: { selected: ['0', '3'] },
      2: { text: '1 234,5' },
      3: { pairs: { p0: 'y', p2: '' } },
      4: { selected: ['false'] },
      6: { text: '' },
      7: { text: ' Geneva ' },
    });
  });

  it('clears a question of the page that posted nothing (all boxes unticked), but not other pages', () => {
    const answers = readAnswers(fieldsOfForm(form([['page', '2']])), questions, [1], () => false);
    expect(answers).toEqual({ 1: { selected: [] } });
  });

  it('passes typed numbers as typed: core checks them', () => {
    const fields = fieldsOfForm(form([['slot-2', 'twelve']]));
    expect(readAnswers(fields, questions, [], () => false)).toEqual({ 2: { text: 'twelve' } });
  });

  it('skips locked questions, descriptions and slots the attempt does not have', () => {
    const fields = fieldsOfForm(
      form([
        ['slot-0', '1'],
        ['slot-5', 'x'],
        ['slot-99', 'x'],
        ['slot-4', 'true'],
      ]),
    );
    const answers = readAnswers(fields, questions, [], (question) => question.slot === 4);
    expect(answers).toEqual({ 0: { selected: ['1'] } });
  });

  it('reads a JSON body with the same field names', () => {
    const fields = fieldsOfJson({ 'slot-1': ['0', '1'], 'slot-2': 12, page: '3', junk: { a: 1 } });
    expect([...fields]).toEqual([
      ['slot-1', ['0', '1']],
      ['slot-2', ['12']],
      ['page', ['3']],
    ]);
    expect(fieldsOfJson(null).size).toBe(0);
    expect(fieldsOfJson(['slot-1']).size).toBe(0);
  });
});
