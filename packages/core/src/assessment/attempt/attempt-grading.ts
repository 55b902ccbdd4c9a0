import {
  listAnswers,
  updateAttempt,
  upsertAnswers,
  type AttemptAnswerRow,
  type Database,
  type Kysely,
} from '@labmig/db';
import { gradeQuestion } from './grading.rules.ts';
import type { Question } from '../gift/gift.types.ts';
import { gradeAttempt, type AttemptGrade } from './quiz.rules.ts';
import type { QuestionGrade, QuestionResponse } from './response.types.ts';
import { storedMatchedSchema, storedResponseSchema, type StoredLayout } from './attempt.stored.ts';
import { parseStoredJson } from '../../shared/stored-json.ts';

/** The response stored for a slot, if any. */
export function storedResponse(row: AttemptAnswerRow | undefined): QuestionResponse | undefined {
  return row?.response
    ? parseStoredJson(storedResponseSchema, row.response, `answer ${row.attempt_id}/${row.slot}`)
    : undefined;
}

/** The grade stored for a slot, if it has been graded. */
export function storedGrade(row: AttemptAnswerRow | undefined): QuestionGrade | undefined {
  if (!row?.grade_state) return undefined;
  return {
    state: row.grade_state,
    fraction: row.fraction,
    matched: row.matched
      ? parseStoredJson(storedMatchedSchema, row.matched, `matched answers ${row.attempt_id}/${row.slot}`)
      : [],
  };
}

/**
 * Grades every slot of an attempt on the server and stores the question grades and the attempt grade. Manual
 * grades (essays graded by a tutor, `graded_by` set) are kept. Returns the attempt grade.
 */
export async function gradeStoredAttempt(
  db: Kysely<Database>,
  attemptId: string,
  layout: StoredLayout,
  questions: readonly Question[],
  maxGrade: number,
  now: string,
): Promise<AttemptGrade> {
  const answers = new Map((await listAnswers(db, attemptId)).map((a) => [a.slot, a]));
  const slotGrades = [];
  // Written in one statement (upsertAnswers) rather than one per slot: fewer round trips inside the submit's
  // transaction, which holds the attempt's row lock on PostgreSQL and the only connection on SQLite.
  const graded = [];
  for (const [index, slot] of layout.slots.entries()) {
    const row = answers.get(index);
    const grade: QuestionGrade =
      row?.graded_by && row.grade_state
        ? storedGrade(row)!
        : gradeQuestion(questions[index], storedResponse(row), { variables: slot.variables });
    if (!row?.graded_by)
      graded.push({
        attempt_id: attemptId,
        slot: index,
        response: row?.response ?? null,
        checked: row?.checked ?? 0,
        grade_state: grade.state,
        fraction: grade.fraction,
        matched: JSON.stringify(grade.matched),
        graded_by: null,
        comment: row?.comment ?? null,
        saved_at: row?.saved_at ?? now,
      });
    // Descriptions carry no marks (maxMark 0), so their null fraction does not make the attempt pending.
    slotGrades.push({ maxMark: slot.maxMark, fraction: slot.maxMark === 0 ? 0 : grade.fraction });
  }
  await upsertAnswers(db, graded);
  const result = gradeAttempt(slotGrades, maxGrade);
  await updateAttempt(db, attemptId, {
    marks: result.marks,
    max_marks: result.maxMarks,
    grade: result.grade,
    pending_count: result.pendingQuestions,
  });
  return result;
}
