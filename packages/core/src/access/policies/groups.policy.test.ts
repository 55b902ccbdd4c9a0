import type { GroupAccess } from '../group-access.ts';
import { checkGroupScenarios, THIS_GROUP, type GroupWho } from '../testing/group-policy-table.ts';
import type { Who } from '../testing/policy-table.ts';
import { groupsPolicy } from './groups.policy.ts';

const any = (who: Who): GroupWho[] => [who, `${who}, own group`, `${who}, other group`];
const STAFF: GroupWho[] = ['site admin', ...any('tutor (active)'), ...any('manager (active)')];

checkGroupScenarios('groups', groupsPolicy, [
  {
    name: 'the cohort',
    resource: (p) => p.access,
    // Learners never manage groups, not even their own.
    table: { 'group.manage': STAFF },
  },
  {
    name: 'a group',
    resource: (p): GroupAccess => ({
      kind: 'group',
      cohortId: p.access.cohortId,
      membership: p.access.membership,
      groups: p.groups,
      groupId: THIS_GROUP,
    }),
    // A learner of another group, without a group, or of another cohort's group never sees this one.
    table: {
      'group.view': [...STAFF, 'learner (active), own group', 'site admin, learner (active), own group'],
    },
  },
]);
