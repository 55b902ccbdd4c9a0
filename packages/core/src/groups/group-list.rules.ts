import type { EnrolmentStatus } from '@labmig/db';
import type { ErrorCode } from '../errors/error-messages.ts';
import { GROUP_LIMITS } from './group.schema.ts';

/** A person of the cohort as a group list is checked against. */
export interface ListPerson {
  readonly userId: string;
  readonly email: string;
  readonly role: 'learner' | 'tutor' | 'manager';
  readonly status: EnrolmentStatus;
  readonly groupId: string | null;
}

/** One row of a group list and what it does (or why it cannot). */
export interface GroupListRow {
  /** Line number in the file (the header is line 1). */
  readonly line: number;
  readonly email: string;
  readonly group: string;
  readonly tutor: string;
  readonly outcome: 'added' | 'moved' | 'unchanged' | 'error';
  readonly problem?: ErrorCode;
}

/** What an accepted group list changes. */
export interface GroupListPlan {
  readonly rows: readonly GroupListRow[];
  readonly ok: boolean;
  /** Groups to create, by name. */
  readonly newGroups: readonly string[];
  /** Learner → group name. */
  readonly placements: readonly { readonly userId: string; readonly group: string }[];
  /** Group name → tutor user id (only where the file names one). */
  readonly tutors: ReadonlyMap<string, string>;
}

const HEADERS = {
  email: ['email', 'e-mail', 'courriel', 'adresse électronique'],
  group: ['group', 'groupe', 'group name', 'nom du groupe'],
  tutor: ['tutor', 'tuteur', 'tutrice', 'tutor email', 'tuteur email'],
} as const;

/** The column of each field in a header row (-1 when absent); null when email or group is missing. */
export function readGroupListHeader(
  header: readonly string[],
): { email: number; group: number; tutor: number } | null {
  const names = header.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const find = (aliases: readonly string[]) => names.findIndex((n) => aliases.includes(n));
  const columns = { email: find(HEADERS.email), group: find(HEADERS.group), tutor: find(HEADERS.tutor) };
  return columns.email < 0 || columns.group < 0 ? null : columns;
}

/**
 * Checks a group list row by row against the cohort: each row names an active learner (once) and a group; a tutor,
 * when given, is an active tutor or manager, the same on every row of a group. The list is accepted only when
 * every row is (`ok`): then `placements`, `newGroups` and `tutors` say what to change. Blank lines are skipped.
 */
export function planGroupList(
  rows: readonly (readonly string[])[],
  columns: { email: number; group: number; tutor: number },
  people: readonly ListPerson[],
  existing: ReadonlyMap<string, string>,
): GroupListPlan {
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const seen = new Set<string>();
  const tutors = new Map<string, string>();
  const newGroups: string[] = [];
  const placements: { userId: string; group: string }[] = [];
  const out: GroupListRow[] = [];
  rows.forEach((cells, index) => {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const email = cell(columns.email);
    const group = cell(columns.group).replace(/\s+/g, ' ');
    const tutor = cell(columns.tutor);
    if (cells.every((c) => c.trim() === '')) return;
    const line = index + 2;
    const fail = (problem: ErrorCode) => out.push({ line, email, group, tutor, outcome: 'error', problem });
    if (email === '') return fail('group.row_email_missing');
    const person = byEmail.get(email.toLowerCase());
    if (!person) return fail('group.row_unknown_person');
    if (person.role !== 'learner' || person.status !== 'active') return fail('group.row_not_learner');
    if (seen.has(person.userId)) return fail('group.row_duplicate');
    if (group === '') return fail('group.row_group_missing');
    if (group.length > GROUP_LIMITS.nameMax) return fail('group.row_group_too_long');
    if (tutor !== '') {
      const t = byEmail.get(tutor.toLowerCase());
      if (!t || t.role === 'learner' || t.status !== 'active') return fail('group.row_tutor_not_staff');
      if (tutors.has(group) && tutors.get(group) !== t.userId) return fail('group.row_tutor_conflict');
      tutors.set(group, t.userId);
    }
    seen.add(person.userId);
    const groupId = existing.get(group);
    if (groupId === undefined && !newGroups.includes(group)) newGroups.push(group);
    placements.push({ userId: person.userId, group });
    const outcome = person.groupId === null ? 'added' : person.groupId === groupId ? 'unchanged' : 'moved';
    out.push({ line, email, group, tutor, outcome });
  });
  return { rows: out, ok: out.every((r) => r.outcome !== 'error'), newGroups, placements, tutors };
}

/**
 * Text of an uploaded group list: UTF-8 (a byte-order mark removed), or Windows-1252 as spreadsheets in many
 * languages save it; undefined for bytes that are not text (NUL bytes, a binary file).
 */
export function decodeGroupListText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    // Control characters other than tab and line breaks mean a binary file, not text in another code page.
    const binary = [...text].some((c) => {
      const code = c.charCodeAt(0);
      return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    });
    return binary ? undefined : text;
  }
}
