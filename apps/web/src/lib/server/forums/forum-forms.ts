import { localizeHref } from '$lib/paraglide/runtime';
import { formText } from '../form-text.ts';
import { formToObject, orReject, parseForm, type FormSchema } from '../forms.ts';
import type { Locale } from '../locale.ts';

/**
 * Checks a forum form with its core schema, adding values that come from the URL rather than the form (`fixed`,
 * e.g. the thread id), and returns the submitted values as the command's input (the command parses them again);
 * a refusal names each field in the person's language and keeps what they typed.
 * @example checkForumForm<ReplyInput>(replySchema, form, 'fr', { threadId })
 */
export function checkForumForm<I>(
  schema: FormSchema<unknown>,
  form: FormData,
  locale: Locale,
  fixed: Record<string, string> = {},
): I {
  const input = { ...formToObject(form), ...fixed };
  orReject(parseForm(schema, form, formText(locale), () => input));
  return input as I;
}

/**
 * Marks every failure of a form with which form of the page it came from (and which post), so the page shows the
 * message and the kept text in that form.
 */
export const formOf = (name: string) => ({
  extra: (form: FormData) => ({ form: name, postId: String(form.get('postId') ?? '') }),
});

/** The paths of a cohort's forum pages, in the page's language. */
export const forumPaths = {
  index: (cohortId: string) => localizeHref(`/cohorts/${cohortId}/forums`),
  forum: (cohortId: string, forumId: string) => localizeHref(`/cohorts/${cohortId}/forums/${forumId}`),
  thread: (cohortId: string, threadId: string, post?: number) =>
    `${localizeHref(`/cohorts/${cohortId}/threads/${threadId}`)}${post ? `#post-${post}` : ''}`,
  group: (cohortId: string, groupId: string) => localizeHref(`/cohorts/${cohortId}/groups/${groupId}`),
};
