import { FORUM_LIMITS } from './forum.schema.ts';

/**
 * True while an author may still change or remove their post (FORUM_LIMITS.editWindowMinutes after posting).
 * @example isWithinEditWindow('2026-03-10T09:00:00Z', new Date('2026-03-10T09:29:59Z')) // true
 */
export function isWithinEditWindow(createdAt: string, now: Date): boolean {
  return now.getTime() < Date.parse(createdAt) + FORUM_LIMITS.editWindowMinutes * 60_000;
}

/** The end of a post's edit window. */
export function editWindowEnd(createdAt: string): string {
  return new Date(Date.parse(createdAt) + FORUM_LIMITS.editWindowMinutes * 60_000).toISOString();
}

/**
 * How many posts a person may make per window: staff answer many questions in a row, learners post at a human pace.
 * @example postingLimit(false) // 5
 */
export function postingLimit(staff: boolean): number {
  return staff ? FORUM_LIMITS.rateStaffPosts : FORUM_LIMITS.ratePosts;
}
