import type { CourseRow } from '@labmig/db';
import { z } from 'zod';
import { parseStoredJson } from '../shared/stored-json.ts';
import {
  courseFileSchema,
  groupExerciseSchema,
  moduleFileSchema,
  moduleForumSchema,
} from './content.schema.ts';
import type { Course } from './course.types.ts';

const glossaryTerm = z.strictObject({
  id: z.string(),
  moduleId: z.string(),
  en: z.strictObject({ term: z.string(), definition: z.string() }),
  fr: z.strictObject({ term: z.string(), definition: z.string() }),
});

const slide = z.strictObject({
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  notes: z.string(),
  line: z.number().int(),
});

const courseModule = z.strictObject({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  week: z.number().int(),
  hours: z.number(),
  overview: z.string(),
  objectives: z.array(z.string()),
  lessons: z.array(
    z.strictObject({
      id: z.string(),
      moduleId: z.string(),
      title: z.string(),
      hours: z.number(),
      markdown: z.string(),
      wordCount: z.number().int(),
    }),
  ),
  presentation: z.strictObject({
    file: z.string(),
    title: z.string(),
    presenter: z.string().nullable(),
    hours: z.number(),
    video: z.string().nullable(),
    slides: z.array(slide),
  }),
  activities: z.array(
    z.strictObject({ title: z.string(), hours: z.number(), description: z.string().optional() }),
  ),
  readings: moduleFileSchema.shape.readings,
  glossary: z.array(glossaryTerm),
  forum: moduleForumSchema.optional(),
  groupExercise: groupExerciseSchema.optional(),
  fr: z.strictObject({ title: z.string(), overview: z.string().optional() }).optional(),
});

/** A course definition as the importer stores it: the content loader's `Course`. */
export const storedCourseSchema: z.ZodType<Course> = courseFileSchema
  .omit({ modules: true })
  .extend({ modules: z.array(courseModule), glossary: z.array(glossaryTerm) });

// Parsed definitions keyed by course id and content hash: a definition is a few hundred KB of JSON and only
// changes with a new hash, so every process can keep the parsed value (safe with several processes).
const parsed = new Map<string, Course>();
const PARSED_MAX = 16;

/**
 * The stored course definition of a row, parsed through its schema once per content hash.
 * @throws Error when the stored definition does not fit (a bug or a damaged database)
 */
export function courseDefinitionOf(row: CourseRow): Course {
  const key = `${row.id}:${row.content_hash}`;
  let course = parsed.get(key);
  if (!course) {
    course = parseStoredJson(storedCourseSchema, row.definition, `definition of course ${row.slug}`);
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, course);
  }
  return course;
}
