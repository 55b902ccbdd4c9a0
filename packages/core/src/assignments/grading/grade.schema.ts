import { z } from 'zod';

/** The longest feedback a tutor may write, in characters (defined once: the form and the command read it). */
export const MAX_FEEDBACK_CHARS = 20_000;

/** What a tutor does with the grading form. */
export const GRADE_ACTIONS = ['save', 'ready', 'release', 'reopen'] as const;

/** The grading form, as the command takes it (levels by criterion id, or points; comments; adjustments by user id). */
export const gradeInputSchema = z.strictObject({
  startedFrom: z.number().int().min(0),
  action: z.enum(GRADE_ACTIONS),
  levels: z.record(z.string(), z.number().int().min(0)).default({}),
  points: z.number().nullable().default(null),
  comments: z.record(z.string(), z.string().max(MAX_FEEDBACK_CHARS)).default({}),
  feedback: z.string().max(MAX_FEEDBACK_CHARS).default(''),
  adjustments: z.record(z.string(), z.number()).default({}),
  /** Feedback files uploaded with the form (pending, the tutor's own), returned with this version. */
  addFiles: z.array(z.string()).default([]),
  /** Feedback files withdrawn from this version on. */
  removeFiles: z.array(z.string()).default([]),
});

/** A grading form as the command takes it. */
export type GradeInput = z.input<typeof gradeInputSchema>;
