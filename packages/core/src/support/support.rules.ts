import type { Locale } from '../errors/error-messages.ts';
import { FORUM_LIMITS } from '../forums/index.ts';
import { SUPPORT_LIMITS } from './support.schema.ts';

/**
 * True while a tutor counts as online: available, with a desk page open in the last `onlineWindowMinutes`.
 * @example isOnline({ available: 1, seen_at: '2026-03-10T09:00:00Z' }, new Date('2026-03-10T09:02:59Z')) // true
 */
export function isOnline(presence: { available: number; seen_at: string }, now: Date): boolean {
  return (
    presence.available === 1 &&
    Date.parse(presence.seen_at) > now.getTime() - SUPPORT_LIMITS.onlineWindowMinutes * 60_000
  );
}

/** The moment from which a tutor seen earlier no longer counts as online. */
export const onlineSince = (now: Date): string =>
  new Date(now.getTime() - SUPPORT_LIMITS.onlineWindowMinutes * 60_000).toISOString();

/**
 * Whole minutes a question has waited (0 for less than a minute), or null when it does not wait.
 * @example waitingMinutes('2026-03-10T09:00:00Z', new Date('2026-03-10T09:12:30Z')) // 12
 */
export function waitingMinutes(since: string | null, now: Date): number | null {
  if (since === null) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000));
}

/** How long a tutor's hold on a question's FAQ slot lasts: after that, a hold left by a process that died is free. */
export const FAQ_HOLD_MINUTES = 10;

/** The `faq_thread_id` that holds a question's FAQ slot from `now` while the forum post is made. */
export const faqHoldAt = (now: Date): string => `pending:${now.toISOString()}`;

/**
 * The held `faq_thread_id` values older than this one have expired (holds compare as text, like their timestamps).
 * @example faqHoldExpiredBefore(new Date('2026-03-10T09:10:00Z')) // 'pending:2026-03-10T09:00:00.000Z'
 */
export const faqHoldExpiredBefore = (now: Date): string =>
  faqHoldAt(new Date(now.getTime() - FAQ_HOLD_MINUTES * 60_000));

/**
 * Where a question's FAQ slot stands: `free`, `held` (a tutor is posting it now) or the thread it was published as.
 * A hold older than `FAQ_HOLD_MINUTES` counts as free.
 * @example faqSlot('pending:2026-03-10T09:00:00.000Z', new Date('2026-03-10T09:11:00Z')) // { state: 'free' }
 */
export function faqSlot(
  value: string | null,
  now: Date,
):
  | { readonly state: 'free' }
  | { readonly state: 'held' }
  | { readonly state: 'published'; readonly threadId: string } {
  if (value === null) return { state: 'free' };
  if (!value.startsWith('pending')) return { state: 'published', threadId: value };
  // 'pending' without a time was written before holds expired: treat it as expired too.
  return value.startsWith('pending:') && value >= faqHoldExpiredBefore(now)
    ? { state: 'held' }
    : { state: 'free' };
}

const FAQ_WORDS: Record<Locale, { intro: string; question: string; answer: string }> = {
  en: { intro: '*From the live support desk.*', question: 'Question', answer: 'Answer' },
  fr: { intro: '*Depuis l’aide en direct.*', question: 'Question', answer: 'Réponse' },
};

/**
 * The Markdown of a forum FAQ post made from a question: the question and the tutors' answers under headings in
 * the tutor's language, without the asker's name, cut to fit a forum post.
 */
export function faqBody(question: string, answers: readonly string[], locale: Locale): string {
  const w = FAQ_WORDS[locale];
  const text = [w.intro, `**${w.question}**`, question, `**${w.answer}**`, answers.join('\n\n')].join('\n\n');
  return text.length <= FORUM_LIMITS.bodyMax ? text : `${text.slice(0, FORUM_LIMITS.bodyMax - 1)}…`;
}
