import { z } from 'zod';
import type { Marks } from './rubric-scoring.rules.ts';

/** A tutor's marks as stored in a grade version: the rubric levels (or points), comments, group adjustments. */
export interface StoredMarks {
  readonly marks: Marks;
  /** A comment per rubric criterion (optional, shown to the learner after release). */
  readonly comments: Readonly<Record<string, string>>;
  /** Group assignments: points added to or removed from a member's grade, by user id. */
  readonly adjustments: Readonly<Record<string, number>>;
}

/** The JSON of `assignment_grade_versions.marks`. */
export const storedMarksSchema: z.ZodType<StoredMarks> = z.strictObject({
  marks: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('rubric'), levels: z.record(z.string(), z.number().int()) }),
    z.strictObject({ kind: z.literal('points'), points: z.number().nullable() }),
  ]),
  comments: z.record(z.string(), z.string()),
  adjustments: z.record(z.string(), z.number()),
});
