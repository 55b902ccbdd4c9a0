import { ACCOUNT_SETTINGS_MESSAGES } from './messages/account-settings.messages.ts';
import { ACCOUNTS_MESSAGES } from './messages/accounts.messages.ts';
import { ADMIN_MESSAGES } from './messages/admin.messages.ts';
import { ASSESSMENT_MESSAGES } from './messages/assessment.messages.ts';
import { ASSIGNMENTS_MESSAGES } from './messages/assignments.messages.ts';
import { CERTIFICATES_MESSAGES } from './messages/certificates.messages.ts';
import { COHORTS_MESSAGES } from './messages/cohorts.messages.ts';
import { COMMON_MESSAGES } from './messages/common.messages.ts';
import { COURSE_ADMIN_MESSAGES } from './messages/course-admin.messages.ts';
import { FILE_ERROR_MESSAGES } from './messages/files.messages.ts';
import { FORUMS_MESSAGES } from './messages/forums.messages.ts';
import { GROUPS_MESSAGES } from './messages/groups.messages.ts';
import { LAB_EXERCISES_MESSAGES } from './messages/lab-exercises.messages.ts';
import { LAB_MESSAGES } from './messages/lab.messages.ts';
import { LEARNING_MESSAGES } from './messages/learning.messages.ts';
import { SUPPORT_MESSAGES } from './messages/support.messages.ts';
import { OBSERVATORY_MESSAGES } from './messages/observatory.messages.ts';
import type { Locale } from './messages/message-table.ts';

export type { Locale };

/**
 * Every feature's error messages, by feature. A new feature adds `messages/<feature>.messages.ts` (codes named
 * `<feature-noun>.<what>`) and one line here; a test refuses a code defined twice or missing a language.
 */
export const MESSAGES_BY_FEATURE = {
  common: COMMON_MESSAGES,
  accounts: ACCOUNTS_MESSAGES,
  cohorts: COHORTS_MESSAGES,
  learning: LEARNING_MESSAGES,
  assessment: ASSESSMENT_MESSAGES,
  assignments: ASSIGNMENTS_MESSAGES,
  admin: ADMIN_MESSAGES,
  groups: GROUPS_MESSAGES,
  forums: FORUMS_MESSAGES,
  courseAdmin: COURSE_ADMIN_MESSAGES,
  accountSettings: ACCOUNT_SETTINGS_MESSAGES,
  files: FILE_ERROR_MESSAGES,
  certificates: CERTIFICATES_MESSAGES,
  support: SUPPORT_MESSAGES,
  labExercises: LAB_EXERCISES_MESSAGES,
  observatory: OBSERVATORY_MESSAGES,
  lab: LAB_MESSAGES,
} as const;

/** Every stable error code with its safe message in English and French. */
export const ERROR_MESSAGES = {
  ...COMMON_MESSAGES,
  ...ACCOUNTS_MESSAGES,
  ...COHORTS_MESSAGES,
  ...LEARNING_MESSAGES,
  ...ASSESSMENT_MESSAGES,
  ...ASSIGNMENTS_MESSAGES,
  ...ADMIN_MESSAGES,
  ...GROUPS_MESSAGES,
  ...FORUMS_MESSAGES,
  ...COURSE_ADMIN_MESSAGES,
  ...ACCOUNT_SETTINGS_MESSAGES,
  ...FILE_ERROR_MESSAGES,
  ...CERTIFICATES_MESSAGES,
  ...SUPPORT_MESSAGES,
  ...LAB_EXERCISES_MESSAGES,
  ...OBSERVATORY_MESSAGES,
  ...LAB_MESSAGES,
};

/** A stable domain error code. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** True for a string that is a known error code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_MESSAGES, code);
}

/** Looks up the message of a code in a locale (English when the locale is unknown). */
export function errorMessage(code: ErrorCode, locale: string): string {
  const messages = ERROR_MESSAGES[code];
  return locale === 'fr' ? messages.fr : messages.en;
}
