import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { can, type PolicyAction, type PolicyResource } from '../can.ts';
import type { GroupRelations } from '../group-access.ts';
import type { CohortAccess } from '../membership.ts';
import { CAST, type Who } from './policy-table.ts';

// The cast of policy-table.ts, each person also in a group relation to the thing being decided on: a learner in
// its group or in another group, a tutor (or manager) of its group or of another group. People of another cohort
// get relations recorded for their own cohort, which must never count here.

/** The group the thing belongs to, and another group of the same cohort. */
export const THIS_GROUP = 'group-g';
export const OTHER_GROUP = 'group-h';
const COHORT = 'cohort-c';

/** A person of the group cast: `<who>`, `<who>, own group` or `<who>, other group`. */
export type GroupWho = Who | `${Who}, own group` | `${Who}, other group`;

/** A person of the group cast with the cohort access and group relations a loader would give them. */
export interface GroupPerson {
  readonly who: GroupWho;
  readonly actor: Actor;
  readonly access: CohortAccess;
  readonly groups: GroupRelations | null;
}

function relations(person: (typeof CAST)[number], group: string): GroupRelations | null {
  const m = person.membership;
  if (!m || person.actor.kind !== 'user') return null;
  const learner = m.role === 'learner';
  return {
    userId: person.actor.userId,
    cohortId: m.cohortId,
    memberOf: learner ? group : null,
    tutorOf: learner ? [] : [group],
  };
}

/** Everyone of the group cast. */
export const GROUP_CAST: readonly GroupPerson[] = CAST.flatMap((person): GroupPerson[] => {
  const access: CohortAccess = { kind: 'cohort', cohortId: COHORT, membership: person.membership };
  const none =
    person.actor.kind === 'user'
      ? { userId: person.actor.userId, cohortId: COHORT, memberOf: null, tutorOf: [] }
      : null;
  const base: GroupPerson = { who: person.who, actor: person.actor, access, groups: none };
  if (!person.membership) return [base];
  return [
    base,
    { who: `${person.who}, own group`, actor: person.actor, access, groups: relations(person, THIS_GROUP) },
    {
      who: `${person.who}, other group`,
      actor: person.actor,
      access,
      groups: relations(person, OTHER_GROUP),
    },
  ];
});

/** One situation: how the resource looks to each person, and who may do each action in it. */
export interface GroupScenario {
  readonly name: string;
  readonly resource: (person: GroupPerson) => PolicyResource;
  readonly table: Readonly<Partial<Record<PolicyAction, readonly GroupWho[]>>>;
}

/**
 * Checks scenarios through `can()`: in each, for every action of its table and every person of the group cast,
 * `can` says yes exactly when the row names them. Every action of `policy` must appear in some scenario.
 */
export function checkGroupScenarios(
  name: string,
  policy: Readonly<Record<string, unknown>>,
  scenarios: readonly GroupScenario[],
): void {
  describe(`${name} policy (group cast)`, () => {
    it('covers every action, naming only people of the cast', () => {
      const covered = new Set(scenarios.flatMap((s) => Object.keys(s.table)));
      expect([...covered].filter((a) => a in policy).sort()).toEqual(Object.keys(policy).sort());
      const names = new Set<string>(GROUP_CAST.map((p) => p.who));
      for (const s of scenarios)
        for (const row of Object.values(s.table) as readonly (readonly string[])[])
          for (const who of row) expect(names, `unknown person "${who}" in ${s.name}`).toContain(who);
    });
    for (const scenario of scenarios)
      for (const [action, row] of Object.entries(scenario.table) as [PolicyAction, readonly GroupWho[]][]) {
        const allowed = new Set<string>(row);
        it.each(GROUP_CAST.map((p) => [p.who, p] as const))(
          `${scenario.name} · ${action}: %s`,
          (who, person) => {
            expect(can(person.actor, action, scenario.resource(person) as never)).toBe(allowed.has(who));
          },
        );
      }
  });
}
