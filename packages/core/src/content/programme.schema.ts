import { z } from 'zod';

const text = z.string().trim().min(1);
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');

/**
 * One course of a programme: a course of this platform by its slug (`course`), or a course that is not offered
 * here yet (`offered: false`, with an `id` and a `title` of its own).
 */
const programmeCourseSchema = z.strictObject({
  course: kebabId.optional(),
  id: kebabId.optional(),
  title: text.optional(),
  fr: z.strictObject({ title: text }).optional(),
  role: z.enum(['required', 'elective']),
  offered: z.boolean().optional(),
});

/** content/programmes/<slug>.yaml */
export const programmeFileSchema = z.strictObject({
  slug: kebabId,
  title: text,
  summary: text,
  /** Shown on the programme record: what the platform could not verify, or anything a learner should know. */
  note: text.optional(),
  fr: z.strictObject({ title: text.optional(), summary: text.optional(), note: text.optional() }).optional(),
  courses: z.array(programmeCourseSchema).min(1),
  rule: z.strictObject({
    /** How many elective courses are needed besides every required one. */
    electives: z.number().int().min(0),
  }),
});

/** A programme file as written. */
export type ProgrammeFile = z.output<typeof programmeFileSchema>;
