import { z } from 'zod';
import type { Question } from './gift.types.ts';

const format = z.enum(['moodle', 'html', 'plain', 'markdown']);
const feedback = z.string();

const base = {
  name: z.string(),
  text: z.string(),
  format,
  category: z.string(),
  generalFeedback: z.string(),
  line: z.number().int(),
  missingWord: z.strictObject({ before: z.string(), after: z.string() }).optional(),
};

const numericalAnswer = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('value'),
    value: z.number(),
    tolerance: z.number(),
    fraction: z.number(),
    feedback,
  }),
  z.strictObject({
    kind: z.literal('range'),
    min: z.number(),
    max: z.number(),
    fraction: z.number(),
    feedback,
  }),
  z.strictObject({ kind: z.literal('any'), fraction: z.literal(0), feedback }),
]);

/** A question version as stored (question_versions.definition): what the GIFT parser produced. */
export const storedQuestionSchema: z.ZodType<Question> = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('multichoice'),
    multipleAnswers: z.boolean(),
    answers: z.array(
      z.strictObject({ text: z.string(), format: format.optional(), fraction: z.number(), feedback }),
    ),
  }),
  z.strictObject({
    ...base,
    type: z.literal('truefalse'),
    correct: z.boolean(),
    feedbackWrong: feedback,
    feedbackRight: feedback,
  }),
  z.strictObject({
    ...base,
    type: z.literal('shortanswer'),
    answers: z.array(z.strictObject({ text: z.string(), fraction: z.number(), feedback })),
  }),
  z.strictObject({ ...base, type: z.literal('numerical'), answers: z.array(numericalAnswer) }),
  z.strictObject({
    ...base,
    type: z.literal('matching'),
    pairs: z.array(z.strictObject({ question: z.string(), answer: z.string() })),
  }),
  z.strictObject({ ...base, type: z.literal('essay') }),
  z.strictObject({ ...base, type: z.literal('description') }),
  z.strictObject({
    ...base,
    type: z.literal('calculated'),
    formula: z.string(),
    tolerance: z.strictObject({ kind: z.enum(['absolute', 'relative']), value: z.number() }),
    variables: z.array(
      z.strictObject({ name: z.string(), min: z.number(), max: z.number(), step: z.number() }),
    ),
    feedback,
  }),
]);
