import {
  claimQuestion,
  closeQuestion,
  faqSchema,
  getSupportQuestion,
  handOverQuestion,
  handOverSchema,
  publishQuestionAsFaq,
  questionRefSchema,
  sendSupportMessage,
  supportMessageSchema,
  type FaqInput,
  type HandOverInput,
  type QuestionRefInput,
  type SupportMessageInput,
} from '@labmig/core/support';
import { runAction, runLoad } from '$lib/server/edge';
import { checkForumForm, formOf } from '$lib/server/forums/forum-forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A question with its conversation, for its asker or the cohort's tutors (anyone else: "not found"). */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () =>
    getSupportQuestion(locals.app, actor, params.id, params.questionId, locals.locale),
  );
  return { page, asked: url.searchParams.get('asked') === '1' };
};

/** Runs one of the page's forms for the signed-in actor with the question id from the URL. */
function questionAction<T>(name: string, work: (event: RequestEvent, form: FormData) => Promise<T>) {
  return async (event: RequestEvent) => {
    requireUser(event.locals, event.url);
    return runAction(event, (form) => work(event, form), formOf(name));
  };
}

const ids = (event: RequestEvent) => ({ questionId: event.params.questionId });

export const actions: Actions = {
  /** A tutor's answer or the asker's follow-up. */
  send: questionAction('send', async (event, form) => {
    const { locals, params } = event;
    const input = checkForumForm<SupportMessageInput>(supportMessageSchema, form, locals.locale, ids(event));
    await sendSupportMessage(locals.app, locals.actor, params.id, input);
    return { done: 'sent' as const };
  }),
  claim: questionAction('claim', async (event, form) => {
    const { locals, params } = event;
    const input = checkForumForm<QuestionRefInput>(questionRefSchema, form, locals.locale, ids(event));
    await claimQuestion(locals.app, locals.actor, params.id, input);
    return { done: 'claimed' as const };
  }),
  handover: questionAction('handover', async (event, form) => {
    const { locals, params } = event;
    const input = checkForumForm<HandOverInput>(handOverSchema, form, locals.locale, ids(event));
    await handOverQuestion(locals.app, locals.actor, params.id, input);
    return { done: 'handed_over' as const };
  }),
  close: questionAction('close', async (event, form) => {
    const { locals, params } = event;
    const input = checkForumForm<QuestionRefInput>(questionRefSchema, form, locals.locale, ids(event));
    await closeQuestion(locals.app, locals.actor, params.id, input);
    return { done: 'closed' as const };
  }),
  faq: questionAction('faq', async (event, form) => {
    const { locals, params } = event;
    const input = checkForumForm<FaqInput>(faqSchema, form, locals.locale, ids(event));
    const { threadId } = await publishQuestionAsFaq(locals.app, locals.actor, params.id, input);
    return { done: 'faq' as const, threadId };
  }),
};
