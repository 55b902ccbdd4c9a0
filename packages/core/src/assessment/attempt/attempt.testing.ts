import type { Database, Kysely } from '@labmig/db';
import type { PageAnswers } from './attempt.commands.ts';
import { layoutOf, type StoredLayout } from './attempt-context.ts';

/** The stored layout of an attempt (tests read it to know which displayed option is right). */
export async function readLayout(db: Kysely<Database>, attemptId: string): Promise<StoredLayout> {
  const row = await db
    .selectFrom('quiz_attempts')
    .select(['id', 'layout'])
    .where('id', '=', attemptId)
    .executeTakeFirstOrThrow();
  return layoutOf(row);
}

/**
 * The right answer to every question of the world bank (see assessment-world.testing.ts), in the ids a page
 * posts, worked out by hand from the GIFT text: tf1 true; mc1 "Employed" (authored 0); multi1 "Employed" and
 * "Unemployed" (authored 0 and 1); num1 6; calc1 100·unemp/(emp+unemp) with the attempt's values; essay1 text.
 */
export function rightAnswers(layout: StoredLayout): PageAnswers {
  const page: Record<number, PageAnswers[number]> = {};
  layout.slots.forEach((slot, i) => {
    const shown = (authored: number) => String(slot.choiceOrder!.indexOf(authored));
    if (slot.questionId === 'tf1') page[i] = { selected: ['true'] };
    if (slot.questionId === 'mc1') page[i] = { selected: [shown(0)] };
    if (slot.questionId === 'multi1') page[i] = { selected: [shown(0), shown(1)] };
    if (slot.questionId === 'num1') page[i] = { text: '6' };
    if (slot.questionId === 'calc1') {
      const { emp, unemp } = slot.variables!;
      page[i] = { text: ((100 * unemp) / (emp + unemp)).toFixed(1) };
    }
    if (slot.questionId === 'essay1') page[i] = { text: 'Because they move and are hard to reach.' };
  });
  return page;
}

/** Slot number of a question in a layout. */
export function slotOf(layout: StoredLayout, questionId: string): number {
  return layout.slots.findIndex((s) => s.questionId === questionId);
}

/** Every key and string value anywhere in a JSON-like value. */
export function deepStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(deepStrings);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...deepStrings(v)]);
  return [];
}
