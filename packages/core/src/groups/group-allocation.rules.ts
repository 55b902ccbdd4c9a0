/** A learner to allocate, with the key groups are made by (a region or a language) and its label. */
export interface AllocationPerson {
  readonly userId: string;
  readonly name: string;
  readonly key: string;
  readonly label: string;
}

/** One group of an allocation: its members and the labels of their keys, most common first. */
export interface AllocatedGroup {
  readonly labels: readonly string[];
  readonly members: readonly AllocationPerson[];
}

/**
 * The number of groups for `n` learners in groups of about `size` (at least one group when there is anyone).
 * @example groupCountFor(14, 6) // 2
 */
export function groupCountFor(n: number, size: number): number {
  return n === 0 ? 0 : Math.max(1, Math.round(n / size));
}

/**
 * Splits people into `count` groups whose sizes differ by at most one, keeping people who share a key together
 * as far as the sizes allow: the people are ordered by key (largest key first, then label), then name, and cut into
 * consecutive runs. The same people always give the same groups.
 * @example allocateBalanced([a1, a2, b1], 2).map((g) => g.members.length) // [2, 1]
 */
export function allocateBalanced(people: readonly AllocationPerson[], count: number): AllocatedGroup[] {
  if (people.length === 0 || count < 1) return [];
  const groups = Math.min(count, people.length);
  const sizeOfKey = new Map<string, number>();
  for (const p of people) sizeOfKey.set(p.key, (sizeOfKey.get(p.key) ?? 0) + 1);
  const ordered = [...people].sort(
    (a, b) =>
      sizeOfKey.get(b.key)! - sizeOfKey.get(a.key)! ||
      a.label.localeCompare(b.label) ||
      a.key.localeCompare(b.key) ||
      a.name.localeCompare(b.name) ||
      a.userId.localeCompare(b.userId),
  );
  const base = Math.floor(ordered.length / groups);
  const larger = ordered.length % groups;
  const result: AllocatedGroup[] = [];
  let start = 0;
  for (let g = 0; g < groups; g++) {
    const size = base + (g < larger ? 1 : 0);
    const members = ordered.slice(start, start + size);
    start += size;
    result.push({ labels: labelsByFrequency(members), members });
  }
  return result;
}

function labelsByFrequency(members: readonly AllocationPerson[]): string[] {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.label, (counts.get(m.label) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label]) => label);
}

/**
 * Names for allocated groups from their labels (the two most common, joined by " / "), numbered when several
 * groups share a name, never one of `taken`.
 * @example nameAllocatedGroups([{ labels: ['Europe'] }, { labels: ['Europe'] }], new Set()) // ['Europe 1', 'Europe 2']
 */
export function nameAllocatedGroups(
  groups: readonly Pick<AllocatedGroup, 'labels'>[],
  taken: ReadonlySet<string>,
  maxLength: number,
): string[] {
  const stems = groups.map(
    (g) =>
      g.labels
        .slice(0, 2)
        .join(' / ')
        .slice(0, maxLength - 4) || '?',
  );
  const shared = new Map<string, number>();
  for (const s of stems) shared.set(s, (shared.get(s) ?? 0) + 1);
  const used = new Set(taken);
  const next = new Map<string, number>();
  return stems.map((stem) => {
    let name = stem;
    let n = next.get(stem) ?? 0;
    if (shared.get(stem)! > 1 || used.has(name)) {
      do name = `${stem} ${++n}`;
      while (used.has(name));
      next.set(stem, n);
    }
    used.add(name);
    return name;
  });
}
