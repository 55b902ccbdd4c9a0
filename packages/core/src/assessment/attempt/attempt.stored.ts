import { z } from 'zod';
import type { AttemptSlot } from './attempt-layout.rules.ts';
import type { QuestionResponse } from './response.types.ts';

/** What an attempt froze at its start: the slots and, per slot, the question version id. */
export interface StoredLayout {
  readonly slots: readonly AttemptSlot[];
  readonly versions: readonly string[];
}

/** quiz_attempts.layout */
export const storedLayoutSchema: z.ZodType<StoredLayout> = z.strictObject({
  slots: z.array(
    z.strictObject({
      questionId: z.string(),
      maxMark: z.number(),
      choiceOrder: z.array(z.number().int()).optional(),
      matchingChoices: z.array(z.string()).optional(),
      variables: z.record(z.string(), z.number()).optional(),
    }),
  ),
  versions: z.array(z.string()),
});

/** attempt_answers.response */
export const storedResponseSchema: z.ZodType<QuestionResponse> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('multichoice'), choices: z.array(z.number().int()) }),
  z.strictObject({ type: z.literal('truefalse'), value: z.boolean() }),
  z.strictObject({ type: z.literal('shortanswer'), text: z.string() }),
  z.strictObject({ type: z.literal('numerical'), value: z.union([z.string(), z.number()]) }),
  z.strictObject({ type: z.literal('calculated'), value: z.union([z.string(), z.number()]) }),
  z.strictObject({ type: z.literal('matching'), pairs: z.record(z.string(), z.string()) }),
  z.strictObject({ type: z.literal('essay'), text: z.string() }),
]);

/** attempt_answers.matched: indexes of the authored answers a response matched. */
export const storedMatchedSchema = z.array(z.number().int());
