import type { PageAnswers, PresentedQuestion, SubmittedAnswer } from '@labmig/core/assessment';

/** Posted fields by name, each with every value sent (checkboxes repeat their name). */
export type PostedFields = ReadonlyMap<string, readonly string[]>;

const SLOT_FIELD = /^slot-(\d+)(?:-(p\d+))?$/;

/** The text fields of a form body, grouped by name (files are ignored). */
export function fieldsOfForm(form: FormData): PostedFields {
  const fields = new Map<string, string[]>();
  for (const [name, value] of form)
    if (typeof value === 'string') fields.set(name, [...(fields.get(name) ?? []), value]);
  return fields;
}

/**
 * The fields of a JSON body (`{ "slot-3": "2", "slot-4": ["0", "1"], "page": "2" }`); anything that is not a
 * string or an array of strings is dropped.
 */
export function fieldsOfJson(body: unknown): PostedFields {
  const fields = new Map<string, string[]>();
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fields;
  for (const [name, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    const strings = values.filter(
      (v): v is string | number => typeof v === 'string' || typeof v === 'number',
    );
    if (strings.length > 0) fields.set(name, strings.map(String));
  }
  return fields;
}

/** The first value of a field, or ''. */
export function fieldValue(fields: PostedFields, name: string): string {
  return fields.get(name)?.[0] ?? '';
}

/** Slot numbers named by the posted `slot-…` fields. */
export function postedSlots(fields: PostedFields): number[] {
  const slots = new Set<number>();
  for (const name of fields.keys()) {
    const match = SLOT_FIELD.exec(name);
    if (match) slots.add(Number(match[1]));
  }
  return [...slots];
}

/** What the fields hold for one question, in the ids of the presented question (an empty answer clears it). */
export function answerOf(fields: PostedFields, question: PresentedQuestion): SubmittedAnswer {
  const name = `slot-${question.slot}`;
  if (question.type === 'matching') {
    const pairs: Record<string, string> = {};
    for (const prompt of question.prompts ?? [])
      pairs[prompt.id] = fieldValue(fields, `${name}-${prompt.id}`);
    return { pairs };
  }
  const values = (fields.get(name) ?? []).filter((v) => v !== '');
  if (question.type === 'multichoice' || question.type === 'truefalse') return { selected: values };
  return { text: fieldValue(fields, name) };
}

/**
 * Reads the answers a page posted. `slots` are the questions the page showed (every one is saved, so an unticked
 * checkbox clears its answer); slots named by posted fields are added. Questions that can no longer change
 * (`locked`, e.g. checked in immediate mode) and descriptions are skipped. Core checks the answers themselves.
 */
export function readAnswers(
  fields: PostedFields,
  questions: readonly PresentedQuestion[],
  slots: readonly number[],
  locked: (question: PresentedQuestion) => boolean,
): PageAnswers {
  const answers: Record<number, SubmittedAnswer> = {};
  for (const slot of new Set([...slots, ...postedSlots(fields)])) {
    const question = questions[slot];
    if (!question || question.type === 'description' || locked(question)) continue;
    answers[slot] = answerOf(fields, question);
  }
  return answers;
}
