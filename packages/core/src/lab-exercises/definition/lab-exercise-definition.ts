import { z } from 'zod';

const text = z.string().trim().min(1);
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM on the 24-hour clock');
const day = z.number().int().min(1).max(28);
const cell = z.union([z.string(), z.number()]).transform(String);

/** Which number of a spec result (`labmig stats run`) an answer is: the estimate list item, domain and term. */
const runPick = z.strictObject({
  result: z.number().int().min(0).default(0),
  domain: z.record(z.string(), cell).optional(),
  term: z.string().optional(),
  field: z.enum(['estimate', 'se', 'cv', 'ci_lower', 'ci_upper']),
});
/** Which cell of the ILMS/SDG tables (`labmig stats tables`) an answer is. */
const tablesPick = z.strictObject({
  table: z.string().regex(/^[a-z0-9_]+$/, 'expected a table id like ur_sex_age'),
  row: z.record(z.string(), cell),
  field: z.enum(['estimate', 'se', 'cv', 'ci_lower', 'ci_upper']),
});
/** Which figure of the sample-size plan (`planSampleSize`) an answer is. */
export const PLAN_FIGURES = [
  'n0',
  'nFpc',
  'deff',
  'nEffective',
  'nSelect',
  'nSelectRounded',
  'households',
  'householdsRounded',
] as const;
const planPick = z.strictObject({ plan: z.enum(PLAN_FIGURES) });

const tolerance = z.union([
  z.strictObject({ absolute: z.number().positive() }),
  z.strictObject({ relative: z.number().positive().max(0.5) }),
]);

const answer = z.strictObject({
  id: kebabId,
  label: text,
  fr: z.strictObject({ label: text, hint: text.optional() }).optional(),
  /** What the learner reads beside the field: the unit and the decimals asked. */
  hint: text.optional(),
  pick: z.union([runPick, tablesPick, planPick]),
  /** The engine's value is multiplied by this before comparing (100 for a proportion asked in percent). */
  scale: z.number().positive().default(1),
  tolerance,
});

const sampleSizeInput = z.strictObject({
  p: z.number().gt(0).lt(1),
  moe: z.number().positive().optional(),
  relativeMoe: z.number().positive().optional(),
  targetCv: z.number().positive().optional(),
  level: z.number().gt(0).lt(1).optional(),
  populationSize: z.number().min(1).optional(),
  deff: z.number().positive().optional(),
  cluster: z.strictObject({ meanSize: z.number().min(1), icc: z.number().min(0).max(1) }).optional(),
  weightCv: z.number().min(0).optional(),
  responseRate: z.number().gt(0).max(1).optional(),
  screening: z
    .strictObject({
      eligibleHouseholdShare: z.number().gt(0).max(1),
      eligiblePerHousehold: z.number().positive(),
    })
    .optional(),
});

const compute = z.union([
  z.strictObject({ run: z.record(z.string(), z.unknown()) }),
  z.strictObject({ tables: z.strictObject({ mapping: z.string().regex(/^[\w.-]+\.json$/) }) }),
  z.strictObject({ sampleSize: sampleSizeInput }),
]);

/** The YAML front matter of a Lab exercise file (`lab-exercises/<id>.md`); docs/content-format.md describes it. */
export const labExerciseFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  fr: z.strictObject({ title: text, summary: text.optional(), task: text.optional() }).optional(),
  week: z.number().int().min(1),
  module: z.string().regex(/^\d\d-[a-z0-9-]+$/, 'expected a module folder name like 01-some-title'),
  dataset: z
    .string()
    .regex(/^[\w.-]+\.(csv|sav|dta)$/, 'expected a practice dataset file like lfs_small.csv')
    .optional(),
  required: z.boolean().default(false),
  points: z.number().positive().max(100),
  attempts: z.number().int().min(1).max(10),
  due: z.strictObject({ week: z.number().int().min(1).optional(), day, time: time.default('23:59') }),
  compute,
  answers: z.array(answer).min(1).max(6),
});

/** The front matter as written. */
export type LabExerciseFrontMatter = z.output<typeof labExerciseFrontMatterSchema>;

/** How an answer's tolerance reads: within an absolute distance, or a share of the expected value. */
export type Tolerance = { readonly absolute: number } | { readonly relative: number };

/** One number the learner enters. */
export interface LabAnswerSpec {
  readonly id: string;
  readonly label: string;
  readonly fr: { readonly label: string; readonly hint: string | null } | null;
  readonly hint: string | null;
  readonly pick: Readonly<Record<string, unknown>>;
  readonly scale: number;
  readonly tolerance: Tolerance;
}

/** What the engine computes for an exercise. */
export type LabCompute =
  | { readonly run: Readonly<Record<string, unknown>> }
  | { readonly tables: { readonly mapping: string } }
  | { readonly sampleSize: Readonly<Record<string, unknown>> };

/** A Lab exercise as defined in content, with its defaults resolved. */
export interface LabExerciseDefinition {
  /** The file name without `.md`. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly fr: {
    readonly title: string;
    readonly summary: string | null;
    readonly task: string | null;
  } | null;
  readonly week: number;
  readonly moduleId: string;
  /** The practice dataset (a file of `content/data/lab`); null for an exercise that needs no data. */
  readonly dataset: string | null;
  /** Required exercises show under "what is still required" until answered right or out of attempts. */
  readonly required: boolean;
  readonly points: number;
  readonly attempts: number;
  readonly due: { readonly week: number; readonly day: number; readonly time: string };
  readonly compute: LabCompute;
  readonly answers: readonly LabAnswerSpec[];
  /** The task, Markdown (rendered like a lesson). */
  readonly task: string;
}

/** The stored shape of a LabExerciseDefinition (JSON in `lab_exercise_definitions.definition`). */
export const storedLabExerciseSchema: z.ZodType<LabExerciseDefinition> = z.strictObject({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  fr: z
    .strictObject({ title: z.string(), summary: z.string().nullable(), task: z.string().nullable() })
    .nullable(),
  week: z.number().int(),
  moduleId: z.string(),
  dataset: z.string().nullable(),
  required: z.boolean(),
  points: z.number(),
  attempts: z.number().int(),
  due: z.strictObject({ week: z.number().int(), day: z.number().int(), time: z.string() }),
  compute: z.union([
    z.strictObject({ run: z.record(z.string(), z.unknown()) }),
    z.strictObject({ tables: z.strictObject({ mapping: z.string() }) }),
    z.strictObject({ sampleSize: z.record(z.string(), z.unknown()) }),
  ]),
  answers: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      fr: z.strictObject({ label: z.string(), hint: z.string().nullable() }).nullable(),
      hint: z.string().nullable(),
      pick: z.record(z.string(), z.unknown()),
      scale: z.number(),
      tolerance: z.union([
        z.strictObject({ absolute: z.number() }),
        z.strictObject({ relative: z.number() }),
      ]),
    }),
  ),
  task: z.string(),
});

/** The stored expected values: answer id → number. */
export const storedExpectedSchema = z.record(z.string(), z.number());
