import { describe, expect, it } from 'vitest';
import {
  allocateBalanced,
  groupCountFor,
  nameAllocatedGroups,
  type AllocationPerson,
} from './group-allocation.rules.ts';

const people = (spec: Record<string, number>): AllocationPerson[] =>
  Object.entries(spec).flatMap(([label, n]) =>
    Array.from({ length: n }, (_, i) => ({
      userId: `${label}-${i}`,
      name: `${label} ${i}`,
      key: label,
      label,
    })),
  );

describe('groupCountFor', () => {
  it('makes groups of about the size asked for, at least one', () => {
    expect(groupCountFor(0, 6)).toBe(0);
    expect(groupCountFor(3, 6)).toBe(1);
    expect(groupCountFor(14, 6)).toBe(2);
    expect(groupCountFor(16, 6)).toBe(3);
    expect(groupCountFor(30, 5)).toBe(6);
  });
});

describe('allocateBalanced', () => {
  it('gives groups whose sizes differ by one at most, everyone exactly once', () => {
    const all = people({ Africa: 7, Asia: 5, Europe: 2 });
    const groups = allocateBalanced(all, 3);
    expect(groups.map((g) => g.members.length)).toEqual([5, 5, 4]);
    const ids = groups.flatMap((g) => g.members.map((m) => m.userId)).sort();
    expect(ids).toEqual(all.map((p) => p.userId).sort());
  });

  it('keeps people of one region together as far as the sizes allow, the largest region first', () => {
    const groups = allocateBalanced(people({ Europe: 2, Africa: 7, Asia: 5 }), 3);
    expect(groups.map((g) => g.members.map((m) => m.key))).toEqual([
      ['Africa', 'Africa', 'Africa', 'Africa', 'Africa'],
      ['Africa', 'Africa', 'Asia', 'Asia', 'Asia'],
      ['Asia', 'Asia', 'Europe', 'Europe'],
    ]);
    expect(groups.map((g) => g.labels)).toEqual([['Africa'], ['Asia', 'Africa'], ['Asia', 'Europe']]);
  });

  it('makes no more groups than people, and none for nobody', () => {
    expect(allocateBalanced(people({ Asia: 2 }), 5).map((g) => g.members.length)).toEqual([1, 1]);
    expect(allocateBalanced([], 3)).toEqual([]);
  });

  it('gives the same groups for the same people in any order', () => {
    const all = people({ en: 4, fr: 5 });
    const a = allocateBalanced(all, 2).map((g) => g.members.map((m) => m.userId));
    const b = allocateBalanced([...all].reverse(), 2).map((g) => g.members.map((m) => m.userId));
    expect(b).toEqual(a);
  });
});

describe('nameAllocatedGroups', () => {
  it('names groups after their two main labels, numbering names used twice and skipping taken ones', () => {
    const names = nameAllocatedGroups(
      [
        { labels: ['Europe'] },
        { labels: ['Europe'] },
        { labels: ['Asia', 'Europe', 'Africa'] },
        { labels: ['Oceania'] },
      ],
      new Set(['Europe 1', 'Oceania']),
      80,
    );
    expect(names).toEqual(['Europe 2', 'Europe 3', 'Asia / Europe', 'Oceania 1']);
  });
});
