import { acceptAttribute, UPLOAD_RULES } from '@labmig/core/files';
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

/** What the attachment field of a post form says and accepts (from the one allow-list of forum attachments). */
export interface AttachmentRules {
  readonly accept: string;
  readonly maxFiles: number;
  /** Per file and per post, in MB (MiB). */
  readonly maxFileMb: number;
  readonly maxTotalMb: number;
  /** The accepted types, by short name (PDF, DOCX, PNG…). */
  readonly types: string;
}

/** The attachment rules for the post forms of a page. */
export function attachmentRules(): AttachmentRules {
  const rule = UPLOAD_RULES['forum-attachment'];
  return {
    accept: acceptAttribute('forum-attachment'),
    maxFiles: rule.maxFiles,
    maxFileMb: rule.maxFileBytes / 1024 ** 2,
    maxTotalMb: rule.maxTotalBytes / 1024 ** 2,
    types: rule.types.map((t) => t.toUpperCase()).join(', '),
  };
}
