import { listCurrentQuestionVersions } from '@labmig/db';
import { assertCan } from '../../access/can.ts';
import { loadCohortAccess } from '../../access/membership.ts';
import { parseStoredJson } from '../../shared/stored-json.ts';
import { storedQuestionSchema } from '../gift/question.stored.ts';
import type { Actor } from '../../access/actor.ts';
import type { App } from '../../app/app.ts';
import { toGift } from '../gift/gift.writer.ts';

/**
 * The current version of every question of a cohort's course as one GIFT file (by category, then name), for a
 * tutor to move questions to Moodle (calculated questions use labmig's `{#calc}` extension, which Moodle skips).
 * @throws ForbiddenError unless staff of the cohort; NotFoundError `cohort.not_found`
 */
export async function exportQuestionBankGift(app: App, actor: Actor, cohortId: string): Promise<string> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'bank.export', access, { hidden: 'cohort.not_found' });
  const questions = (await listCurrentQuestionVersions(app.db, cohort.course_id))
    .map((v) => parseStoredJson(storedQuestionSchema, v.definition, `question version ${v.version_id}`))
    .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));
  return toGift(questions);
}
