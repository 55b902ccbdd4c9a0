import { z } from 'zod';
import type { FileTypeId } from '../../files/file-types.ts';
import { UPLOAD_RULES } from '../../files/upload-rules.ts';
import type { GradingScheme } from '../grading/rubric-scoring.rules.ts';
import type { ResubmissionSettings } from '../submission/resubmission.rules.ts';
import type { AssignmentDates } from '../submission/submission-window.rules.ts';

const PLATFORM = UPLOAD_RULES['assignment-submission'];
const MiB = 1024 * 1024;

/**
 * File types an assignment may accept, checked by content: the platform's allow-list for submissions
 * (core/files `UPLOAD_RULES`), which an assignment narrows.
 */
export const SUBMISSION_FILE_TYPES = PLATFORM.types as readonly [FileTypeId, ...FileTypeId[]];

/** A file type an assignment may accept. */
export type SubmissionFileType = FileTypeId;

/** The platform's ceilings for one submission (per file and per submission in MB, number of files). */
export const SUBMISSION_CEILINGS = {
  maxFileMb: PLATFORM.maxFileBytes / MiB,
  maxTotalMb: PLATFORM.maxTotalBytes / MiB,
  maxFiles: PLATFORM.maxFiles,
} as const;

const text = z.string().trim().min(1);
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM on the 24-hour clock');
const day = z.number().int().min(1).max(28);

const level = z.strictObject({ points: z.number().min(0), title: text, descriptor: text });
const criterion = z.strictObject({
  id: kebabId,
  title: text,
  weight: z.number().positive().optional(),
  levels: z.array(level).min(2).max(6),
});

/** The YAML front matter of an assignment file (`assignments/<id>.md`); docs/content-format.md describes it. */
export const assignmentFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  fr: z.strictObject({ title: text, summary: text.optional() }).optional(),
  week: z.number().int().min(1),
  module: z
    .string()
    .regex(/^\d\d-[a-z0-9-]+$/, 'expected a module folder name like 01-some-title')
    .optional(),
  kind: z.enum(['individual', 'group']),
  final: z.boolean().default(false),
  hours: z.number().positive().max(40).optional(),
  opens: z.strictObject({ week: z.number().int().min(1).optional(), day }).optional(),
  due: z.strictObject({ week: z.number().int().min(1).optional(), day, time: time.default('23:59') }),
  lateDays: z.number().int().min(0).max(28),
  submission: z.strictObject({
    text: z.enum(['required', 'optional', 'none']),
    wordLimit: z.number().int().positive().optional(),
    files: z
      .strictObject({
        min: z.number().int().min(0).default(0),
        max: z.number().int().min(1).max(SUBMISSION_CEILINGS.maxFiles),
        maxFileMb: z
          .number()
          .positive()
          .max(SUBMISSION_CEILINGS.maxFileMb)
          .default(SUBMISSION_CEILINGS.maxFileMb),
        maxTotalMb: z
          .number()
          .positive()
          .max(SUBMISSION_CEILINGS.maxTotalMb)
          .default(SUBMISSION_CEILINGS.maxTotalMb),
        types: z.array(z.enum(SUBMISSION_FILE_TYPES)).min(1),
      })
      .optional(),
  }),
  grading: z.strictObject({
    maxGrade: z.number().positive().max(1000),
    passMark: z.number().min(0),
    rubric: z.array(criterion).min(1).max(12).optional(),
  }),
  resubmission: z
    .strictObject({
      untilDue: z.boolean().default(true),
      attempts: z.number().int().min(1).max(5).default(1),
      reopenDays: z.number().int().min(1).max(28).optional(),
    })
    .default({ untilDue: true, attempts: 1 }),
  group: z.strictObject({ maxAdjustment: z.number().min(0) }).optional(),
  peerReview: z
    .strictObject({
      reviewers: z.number().int().min(1).max(3),
      anonymous: z.boolean().default(true),
      days: z.number().int().min(1).max(14),
    })
    .optional(),
});

/** The front matter as written (before the cross-field checks). */
export type AssignmentFrontMatter = z.output<typeof assignmentFrontMatterSchema>;

/** What a learner may hand in. */
export interface SubmissionSpec {
  readonly text: 'required' | 'optional' | 'none';
  /** Advisory: shown with a word count; tutors see the count. */
  readonly wordLimit: number | null;
  /** null: no files. */
  readonly files: {
    readonly min: number;
    readonly max: number;
    readonly maxFileBytes: number;
    readonly maxTotalBytes: number;
    readonly types: readonly SubmissionFileType[];
  } | null;
}

/** An assignment as defined in content, with its defaults resolved. */
export interface AssignmentDefinition {
  /** The file name without `.md`. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly fr: { readonly title: string; readonly summary: string | null } | null;
  /** The course week the assignment belongs to (gradebook column order, course home). */
  readonly week: number;
  readonly moduleId: string | null;
  readonly kind: 'individual' | 'group';
  /** The final assignment, which the Certificate of Achievement requires. */
  readonly final: boolean;
  /** Expected workload in hours, shown to learners; null when not stated. */
  readonly hours: number | null;
  readonly dates: AssignmentDates;
  readonly submission: SubmissionSpec;
  readonly grading: GradingScheme;
  readonly resubmission: ResubmissionSettings & { readonly reopenDays: number | null };
  /** Group assignments: the most points a tutor may add or remove for one member. */
  readonly group: { readonly maxAdjustment: number } | null;
  readonly peerReview: {
    readonly reviewers: number;
    readonly anonymous: boolean;
    readonly days: number;
  } | null;
  /** The instructions, Markdown (rendered like a lesson). */
  readonly instructions: string;
  /** Notes only staff see on the grading page (`<id>.tutor.md`), Markdown; null when there are none. */
  readonly tutorNotes: string | null;
}
