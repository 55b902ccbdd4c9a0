import { describe, expect, it } from 'vitest';
import {
  decodeGroupListText,
  planGroupList,
  readGroupListHeader,
  type ListPerson,
} from './group-list.rules.ts';

const PEOPLE: ListPerson[] = [
  { userId: 'u-ana', email: 'ana@example.org', role: 'learner', status: 'active', groupId: null },
  { userId: 'u-ben', email: 'Ben@Example.org', role: 'learner', status: 'active', groupId: 'g-red' },
  { userId: 'u-cy', email: 'cy@example.org', role: 'learner', status: 'active', groupId: 'g-blue' },
  { userId: 'u-dee', email: 'dee@example.org', role: 'learner', status: 'withdrawn', groupId: null },
  { userId: 'u-tom', email: 'tom@example.org', role: 'tutor', status: 'active', groupId: null },
  { userId: 'u-tess', email: 'tess@example.org', role: 'tutor', status: 'active', groupId: null },
];
const GROUPS = new Map([
  ['Red', 'g-red'],
  ['Blue', 'g-blue'],
]);

describe('readGroupListHeader', () => {
  it('finds the columns by English or French name, in any order and case, after a byte-order mark', () => {
    expect(readGroupListHeader(['\uFEFFGroupe', 'Courriel'])).toEqual({ email: 1, group: 0, tutor: -1 });
    expect(readGroupListHeader(['email', 'group', 'Tutor'])).toEqual({ email: 0, group: 1, tutor: 2 });
    expect(readGroupListHeader(['name', 'group'])).toBeNull();
  });
});

describe('planGroupList', () => {
  const columns = { email: 0, group: 1, tutor: 2 };

  it('accepts a clean list: new groups, moves, unchanged rows, tutors; blank lines skipped', () => {
    const plan = planGroupList(
      [
        ['ana@example.org', 'Green', 'tom@example.org'],
        ['', '', ''],
        ['BEN@example.org', 'Blue', ''],
        ['cy@example.org', '  Blue ', ''],
      ],
      columns,
      PEOPLE,
      GROUPS,
    );
    expect(plan.ok).toBe(true);
    expect(plan.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'added'],
      [4, 'moved'],
      [5, 'unchanged'],
    ]);
    expect(plan.newGroups).toEqual(['Green']);
    expect([...plan.tutors]).toEqual([['Green', 'u-tom']]);
    expect(plan.placements).toEqual([
      { userId: 'u-ana', group: 'Green' },
      { userId: 'u-ben', group: 'Blue' },
      { userId: 'u-cy', group: 'Blue' },
    ]);
  });

  it('reports every problem on its row and refuses the whole list', () => {
    const plan = planGroupList(
      [
        ['', 'Red', ''],
        ['nobody@example.org', 'Red', ''],
        ['dee@example.org', 'Red', ''],
        ['tom@example.org', 'Red', ''],
        ['ana@example.org', '', ''],
        ['ana@example.org', 'x'.repeat(81), ''],
        ['ana@example.org', 'Red', 'cy@example.org'],
        ['ana@example.org', 'Red', 'tom@example.org'],
        ['cy@example.org', 'Red', 'tess@example.org'],
        ['ana@example.org', 'Blue', ''],
      ],
      columns,
      PEOPLE,
      GROUPS,
    );
    expect(plan.ok).toBe(false);
    expect(plan.rows.map((r) => [r.line, r.problem ?? r.outcome])).toEqual([
      [2, 'group.row_email_missing'],
      [3, 'group.row_unknown_person'],
      [4, 'group.row_not_learner'],
      [5, 'group.row_not_learner'],
      [6, 'group.row_group_missing'],
      [7, 'group.row_group_too_long'],
      [8, 'group.row_tutor_not_staff'],
      [9, 'added'],
      [10, 'group.row_tutor_conflict'],
      [11, 'group.row_duplicate'],
    ]);
  });
});

describe('decodeGroupListText', () => {
  it('reads UTF-8 and Windows-1252 text and refuses binary files', () => {
    expect(decodeGroupListText(new TextEncoder().encode('email;groupe\nana@x.org;Équipe'))).toBe(
      'email;groupe\nana@x.org;Équipe',
    );
    expect(decodeGroupListText(Uint8Array.from([0x45, 0x71, 0x75, 0x69, 0x70, 0x65, 0x20, 0xc9]))).toBe(
      'Equipe É',
    );
    expect(decodeGroupListText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toBeUndefined();
    expect(
      decodeGroupListText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    ).toBeUndefined();
  });
});
