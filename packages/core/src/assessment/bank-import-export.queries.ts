import { findCohortById, listCurrentQuestionVersions } from '@labmig/db';
import type { Actor } from '../accounts/actor.ts';
import type { App } from '../app/app.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { authorize } from './attempt/attempt-context.ts';
import type { Question } from './gift.types.ts';
import { toGift } from './gift.writer.ts';

/**
 * The current version of every question of a cohort's course as one GIFT file (by category, then name), for a
 * tutor to move questions to Moodle (calculated questions use labmig's `{#calc}` extension, which Moodle skips).
 * @throws ForbiddenError unless staff of the cohort; NotFoundError `cohort.not_found`
 */
export async function exportQuestionBankGift(app: App, actor: Actor, cohortId: string): Promise<string> {
  await authorize(app.db, actor, 'gradebook.export', cohortId, { notFound: 'cohort.not_found' });
  const cohort = await findCohortById(app.db, cohortId);
  if (!cohort) throw new NotFoundError('cohort.not_found');
  const questions = (await listCurrentQuestionVersions(app.db, cohort.course_id))
    .map((v) => JSON.parse(v.definition) as Question)
    .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));
  return toGift(questions);
}
