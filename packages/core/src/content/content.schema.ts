import { z } from 'zod';

const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');
const hours = z.number().positive().max(60);

/** Target-group ids: the sign-up form offers exactly these. */
export const TARGET_GROUP_IDS = [
  'nso',
  'ministry',
  'research',
  'employment-service',
  'international',
  'social-partner',
] as const;

/** course.yaml */
export const courseFileSchema = z.strictObject({
  slug: kebabId,
  title: text,
  summary: text,
  description: text,
  language: z.enum(['en', 'fr']),
  learningHours: hours,
  weeks: z
    .array(
      z.strictObject({
        number: z.number().int(),
        title: text,
        fr: z.strictObject({ title: text }).optional(),
      }),
    )
    .min(1)
    .max(6),
  editions: z
    .array(
      z.strictObject({
        id: text,
        title: text,
        start: isoDate,
        end: isoDate,
        language: z.enum(['en', 'fr']),
        timeZone: text,
        platform: text.optional(),
      }),
    )
    .min(1),
  modules: z
    .array(z.string().regex(/^\d\d-[a-z0-9-]+$/, 'expected a module folder name like 01-some-title'))
    .min(1),
  topics: z.array(text).min(1),
  mainObjective: text,
  outcomes: z.array(text).min(1),
  targetGroups: z
    .array(
      z.strictObject({
        id: z.enum(TARGET_GROUP_IDS),
        label: text,
        fr: z.strictObject({ label: text }).optional(),
      }),
    )
    .min(1),
  pillars: z
    .array(
      z.strictObject({
        id: kebabId,
        title: text,
        items: z.array(text).min(1),
        fr: z.strictObject({ title: text, items: z.array(text).min(1) }).optional(),
      }),
    )
    .min(1),
  assessment: z.strictObject({
    weeklyAssessments: z.boolean(),
    assignments: text,
    certificate: z.strictObject({
      name: text,
      rule: text,
      // What the Certificate of Achievement asks (certificates/completion.rules.ts); default: every weekly
      // assessment and the final assignment passed.
      requires: z
        .strictObject({ weeklyAssessments: z.enum(['all', 'none']), finalAssignment: z.boolean() })
        .optional(),
      fr: z.strictObject({ name: text, rule: text }).optional(),
    }),
  }),
  diploma: z.strictObject({ name: text, note: text.optional() }).optional(),
  organisers: z.array(z.strictObject({ name: text, short: text.optional(), role: text.optional() })).min(1),
  faq: z.array(
    z.strictObject({
      question: text,
      answer: text,
      /**
       * The course page answers from the data of the edition it leads with instead (`edition-dates`: its dates
       * and time zone; `edition-language`: its language); `answer` stays for when no edition is ahead.
       */
      from: z.enum(['edition-dates', 'edition-language']).optional(),
      fr: z.strictObject({ question: text, answer: text }).optional(),
    }),
  ),
  // The French course page: the title and, optionally, the other texts; lists hold one item per English item.
  fr: z
    .strictObject({
      title: text,
      summary: text.optional(),
      mainObjective: text.optional(),
      description: text.optional(),
      outcomes: z.array(text).min(1).optional(),
      topics: z.array(text).min(1).optional(),
    })
    .optional(),
});

const reading = z.strictObject({
  title: text,
  publisher: text,
  year: z.number().int().min(1900).max(2100),
  url: z.url().optional(),
});

/** The module's discussion forum: the prompt its forum opens with (Markdown), in English and French. */
export const moduleForumSchema = z.strictObject({
  prompt: text,
  fr: z.strictObject({ prompt: text }).optional(),
});

/** A day of the course: day 1 of week 1 is the cohort's first day; `time` is local to the cohort. */
const courseDay = z.strictObject({
  week: z.number().int().min(1).max(6),
  day: z.number().int().min(1).max(7),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM')
    .default('23:59'),
});

/**
 * A group exercise of a module: instructions (Markdown) the group page shows with its forum, the due day, and the
 * assignment (in `assignments/`) through which the group hands in one submission.
 */
export const groupExerciseSchema = z.strictObject({
  title: text,
  instructions: text,
  due: courseDay,
  assignment: kebabId.optional(),
  fr: z.strictObject({ title: text, instructions: text }).optional(),
});

/** module.yaml */
export const moduleFileSchema = z.strictObject({
  title: text,
  week: z.number().int(),
  hours,
  overview: text,
  // A learning objective: plain text, or `{ id, text }` to map it to lesson sections and questions (the
  // editorial checks in importer/content-quality.checks.ts); either way the loaded module keeps the text.
  objectives: z.array(z.union([text, z.strictObject({ id: kebabId, text }).transform((o) => o.text)])).min(2),
  lessons: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lesson file name without .md'))
    .min(2)
    .max(4),
  presentation: z.strictObject({ file: text, hours, video: z.url().nullable().optional() }),
  activities: z.array(z.strictObject({ title: text, hours, description: text.optional() })).optional(),
  readings: z.array(reading).min(1),
  forum: moduleForumSchema.optional(),
  groupExercise: groupExerciseSchema.optional(),
  fr: z.strictObject({ title: text, overview: text.optional() }).optional(),
});

/** Lesson front matter. */
export const lessonFrontMatterSchema = z.strictObject({
  title: text,
  hours,
  /** Objective id of the module → the `##`/`###` headings of this lesson that teach it. */
  objectives: z.record(kebabId, z.array(text).min(1)).optional(),
});

/** slides.md front matter. */
export const slidesFrontMatterSchema = z.strictObject({ title: text, presenter: text.optional() });

const glossaryLanguage = z.strictObject({ term: text, definition: text });

/** glossary.yaml: a mapping from term id to its English and French text. */
export const glossaryFileSchema = z.record(
  z.string(),
  z.strictObject({ en: glossaryLanguage, fr: glossaryLanguage }),
);

export type CourseFile = z.output<typeof courseFileSchema>;
export type ModuleFile = z.output<typeof moduleFileSchema>;
export type LessonFrontMatter = z.output<typeof lessonFrontMatterSchema>;
export type SlidesFrontMatter = z.output<typeof slidesFrontMatterSchema>;
export type GlossaryFile = z.output<typeof glossaryFileSchema>;
export type ModuleForum = z.output<typeof moduleForumSchema>;
export type GroupExercise = z.output<typeof groupExerciseSchema>;
