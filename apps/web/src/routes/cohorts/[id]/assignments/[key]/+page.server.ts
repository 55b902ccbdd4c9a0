import {
  getAssignmentPage,
  removeSubmissionFile,
  startNewAttempt,
  withdrawWork,
} from '@labmig/core/assignments';
import { acceptAttribute } from '@labmig/core/files';
import { saveWorkForm } from '$lib/server/assignments/work-form';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * One assignment: instructions, rubric and dates; for a learner their own (or their group's) work with its files,
 * history, released grade and feedback, and the forms to save, hand in, take back or start again. Core decides
 * what the actor may see: another learner's or another group's work is never reachable here.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () =>
    getAssignmentPage(locals.app, actor, { cohortId: params.id, key: params.key }, locals.locale),
  );
  return { page, accept: acceptAttribute('assignment-submission') };
};

const refOf = (event: RequestEvent) => ({ cohortId: event.params.id, key: event.params.key });

const versionOf = (form: FormData): number => Number(form.get('version') ?? -1);

/** Saves or hands in the learner's work from the page's form (multipart when the assignment takes files). */
async function workAction(event: RequestEvent, intent: 'save' | 'submit') {
  const actor = requireUser(event.locals, event.url);
  const { app, locale } = event.locals;
  const r = await saveWorkForm(app, actor, event.request, refOf(event), locale, intent);
  return 'saved' in r ? { form: 'work' as const, done: intent === 'save' ? 'saved' : 'submitted' } : r;
}

export const actions: Actions = {
  /** Saves the draft (text and any files chosen). */
  save: (event) => workAction(event, 'save'),
  /** Saves and hands in the work for grading. */
  submit: (event) => workAction(event, 'submit'),
  /** Takes handed-in work back to a draft (before the due time, when the assignment allows it). */
  withdraw: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async (form) => {
      await withdrawWork(event.locals.app, actor, refOf(event), { version: versionOf(form) });
      return { form: 'withdraw' as const, done: 'withdrawn' as const };
    });
  },
  /** Starts a further attempt after a failing released grade. */
  again: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async () => {
      await startNewAttempt(event.locals.app, actor, refOf(event));
      return { form: 'again' as const, done: 'restarted' as const };
    });
  },
  /** Removes a file from the draft. */
  removeFile: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async (form) => {
      await removeSubmissionFile(event.locals.app, actor, refOf(event), {
        fileId: String(form.get('fileId') ?? ''),
        version: versionOf(form),
      });
      return { form: 'file' as const, done: 'removed' as const };
    });
  },
};
