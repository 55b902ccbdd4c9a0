import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { can, type PolicyAction, type PolicyResource } from '../can.ts';
import {
  ENROLMENT_ROLES,
  ENROLMENT_STATUSES,
  SITE,
  type CohortAccess,
  type EnrolmentRole,
  type EnrolmentStatus,
  type OwnedAccess,
} from '../membership.ts';

// The cast every policy table is checked against. Each person looks at cohort C; a policy table names who may
// do each action, and everyone else in the cast must be refused.

const COHORT = 'cohort-c';
const OTHER_COHORT = 'cohort-d';

type Member = `${EnrolmentRole} (${EnrolmentStatus})`;
/** A person of the cast, as a policy table names them. */
export type Who =
  | 'anonymous'
  | 'signed-in non-member'
  | 'site admin'
  | Member
  | 'site admin, learner (active)'
  | 'tutor of another cohort'
  | 'manager of another cohort'
  | 'learner of another cohort';
/** For actions on something owned (an attempt): the person on their own thing, or on someone else's. */
export type WhoOwned = `${Who}, own` | `${Who}, other's`;

interface Person {
  readonly who: Who;
  readonly actor: Actor;
  readonly membership: CohortAccess['membership'];
}

const user = (userId: string, isAdmin = false): Actor => ({
  kind: 'user',
  userId,
  name: userId,
  email: `${userId}@example.org`,
  locale: 'en',
  isAdmin,
});

const member = (
  who: Who,
  userId: string,
  role: EnrolmentRole,
  status: EnrolmentStatus,
  cohortId = COHORT,
  isAdmin = false,
): Person => ({
  who,
  actor: user(userId, isAdmin),
  membership: { userId, cohortId, enrolmentId: `e-${userId}`, role, status },
});

/** Everyone of the cast. */
export const CAST: readonly Person[] = [
  { who: 'anonymous', actor: { kind: 'anonymous' }, membership: null },
  { who: 'signed-in non-member', actor: user('outsider'), membership: null },
  { who: 'site admin', actor: user('root', true), membership: null },
  ...ENROLMENT_ROLES.flatMap((role) =>
    ENROLMENT_STATUSES.map((status) => member(`${role} (${status})`, `${role}-${status}`, role, status)),
  ),
  member('site admin, learner (active)', 'root-learner', 'learner', 'active', COHORT, true),
  member('tutor of another cohort', 'tutor-d', 'tutor', 'active', OTHER_COHORT),
  member('manager of another cohort', 'manager-d', 'manager', 'active', OTHER_COHORT),
  member('learner of another cohort', 'learner-d', 'learner', 'active', OTHER_COHORT),
];

/** A policy: action → rule over an actor and a resource. */
type Policy = Readonly<Record<string, (actor: Actor, resource: never) => boolean>>;

/** Who may do each action of a policy (everyone else must be refused). */
export type PolicyTable<P extends Policy> = {
  readonly [A in keyof P]: readonly (Parameters<P[A]>[1] extends OwnedAccess ? WhoOwned : Who)[];
};

/**
 * Checks a policy against its table through `can()`: every action has a row, every name in a row is in the
 * cast, and for every person of the cast (on their own and someone else's thing for owned actions) `can` says
 * yes exactly when the row names them. `kinds` says which actions take an owned resource or the site.
 */
export function checkPolicyTable<P extends Policy>(
  name: string,
  policy: P,
  table: PolicyTable<P>,
  kinds: { readonly owned?: readonly (keyof P)[]; readonly site?: readonly (keyof P)[] } = {},
): void {
  describe(`${name} policy`, () => {
    it('has a row for every action, naming only people of the cast', () => {
      expect(Object.keys(table).sort()).toEqual(Object.keys(policy).sort());
      const names = new Set<string>(CAST.flatMap((p) => [p.who, `${p.who}, own`, `${p.who}, other's`]));
      for (const row of Object.values(table) as readonly string[][])
        for (const entry of row) expect(names, `unknown person "${entry}"`).toContain(entry);
    });

    for (const action of Object.keys(policy) as (keyof P & string)[]) {
      const allowed = new Set<string>(table[action]);
      const cases = CAST.flatMap((person): [string, Person, PolicyResource][] => {
        const cohort: CohortAccess = { kind: 'cohort', cohortId: COHORT, membership: person.membership };
        if (kinds.site?.includes(action)) return [[person.who, person, SITE]];
        if (!kinds.owned?.includes(action)) return [[person.who, person, cohort]];
        const own = person.actor.kind === 'user' ? person.actor.userId : 'nobody';
        const owned = (owner: string): OwnedAccess => ({ ...cohort, kind: 'owned', ownerUserId: owner });
        return [
          [`${person.who}, own`, person, owned(own)],
          [`${person.who}, other's`, person, owned('someone-else')],
        ];
      });
      it.each(cases)(`${action}: %s`, (who, person, resource) => {
        expect(can(person.actor, action as PolicyAction, resource as never)).toBe(allowed.has(who));
      });
    }
  });
}
