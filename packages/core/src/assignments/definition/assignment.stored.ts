import { z } from 'zod';
import { SUBMISSION_FILE_TYPES, type AssignmentDefinition } from './assignment-definition.ts';

const day = z.strictObject({ week: z.number().int(), day: z.number().int() });
const level = z.strictObject({ points: z.number(), title: z.string(), descriptor: z.string() });

/** The shape of an AssignmentDefinition as the importer stores it (JSON in `assignment_definitions.definition`). */
export const storedAssignmentDefinitionSchema: z.ZodType<AssignmentDefinition> = z.strictObject({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  fr: z.strictObject({ title: z.string(), summary: z.string().nullable() }).nullable(),
  week: z.number().int(),
  moduleId: z.string().nullable(),
  kind: z.enum(['individual', 'group']),
  final: z.boolean(),
  hours: z.number().nullable(),
  dates: z.strictObject({
    opens: day,
    due: day.extend({ time: z.string() }),
    lateDays: z.number().int(),
  }),
  submission: z.strictObject({
    text: z.enum(['required', 'optional', 'none']),
    wordLimit: z.number().int().nullable(),
    files: z
      .strictObject({
        min: z.number().int(),
        max: z.number().int(),
        maxFileBytes: z.number().int(),
        maxTotalBytes: z.number().int(),
        types: z.array(z.enum(SUBMISSION_FILE_TYPES)),
      })
      .nullable(),
  }),
  grading: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('rubric'),
      maxGrade: z.number(),
      passMark: z.number(),
      criteria: z.array(
        z.strictObject({ id: z.string(), title: z.string(), weight: z.number(), levels: z.array(level) }),
      ),
    }),
    z.strictObject({ kind: z.literal('points'), maxGrade: z.number(), passMark: z.number() }),
  ]),
  resubmission: z.strictObject({
    untilDue: z.boolean(),
    attempts: z.number().int(),
    reopenDays: z.number().int().nullable(),
  }),
  group: z.strictObject({ maxAdjustment: z.number() }).nullable(),
  peerReview: z
    .strictObject({ reviewers: z.number().int(), anonymous: z.boolean(), days: z.number().int() })
    .nullable(),
  instructions: z.string(),
  tutorNotes: z.string().nullable(),
});
