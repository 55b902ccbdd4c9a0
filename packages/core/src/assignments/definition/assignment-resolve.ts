import type { GradingScheme } from '../grading/rubric-scoring.rules.ts';
import type { AssignmentDefinition, AssignmentFrontMatter } from './assignment-definition.ts';

const MB = 1024 * 1024;

/**
 * Turns checked front matter and instructions into an {@link AssignmentDefinition}: defaults filled in (opens on
 * day 1 of its week, due in its week, criterion weights = their top points), megabytes turned into bytes.
 */
export function resolveAssignment(
  id: string,
  fm: AssignmentFrontMatter,
  instructions: string,
): AssignmentDefinition {
  const files = fm.submission.files;
  return {
    id,
    title: fm.title,
    summary: fm.summary,
    fr: fm.fr ? { title: fm.fr.title, summary: fm.fr.summary ?? null } : null,
    week: fm.week,
    moduleId: fm.module ?? null,
    kind: fm.kind,
    final: fm.final,
    hours: fm.hours ?? null,
    dates: {
      opens: { week: fm.opens?.week ?? fm.week, day: fm.opens?.day ?? 1 },
      due: { week: fm.due.week ?? fm.week, day: fm.due.day, time: fm.due.time },
      lateDays: fm.lateDays,
    },
    submission: {
      text: fm.submission.text,
      wordLimit: fm.submission.wordLimit ?? null,
      files: files
        ? {
            min: files.min,
            max: files.max,
            maxFileBytes: Math.round(files.maxFileMb * MB),
            maxTotalBytes: Math.round(files.maxTotalMb * MB),
            types: files.types,
          }
        : null,
    },
    grading: gradingScheme(fm.grading),
    resubmission: {
      untilDue: fm.resubmission.untilDue,
      attempts: fm.resubmission.attempts,
      reopenDays: fm.resubmission.reopenDays ?? null,
    },
    group: fm.kind === 'group' ? { maxAdjustment: fm.group?.maxAdjustment ?? 0 } : null,
    peerReview: fm.peerReview ?? null,
    instructions,
    tutorNotes: null,
  };
}

function gradingScheme(grading: AssignmentFrontMatter['grading']): GradingScheme {
  const { maxGrade, passMark, rubric } = grading;
  if (!rubric) return { kind: 'points', maxGrade, passMark };
  return {
    kind: 'rubric',
    maxGrade,
    passMark,
    criteria: rubric.map((c) => ({
      id: c.id,
      title: c.title,
      weight: c.weight ?? c.levels[c.levels.length - 1]!.points,
      levels: c.levels,
    })),
  };
}
