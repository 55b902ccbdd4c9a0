import { SITE } from '../membership.ts';
import { GROUP_CAST, THIS_GROUP, checkGroupScenarios, type GroupWho } from '../testing/group-policy-table.ts';
import type { LabDatasetAccess } from './lab.policy.ts';
import { labPolicy } from './lab.policy.ts';

const signedIn: GroupWho[] = GROUP_CAST.filter((p) => p.actor.kind === 'user').map((p) => p.who);
const dataset = (
  person: (typeof GROUP_CAST)[number],
  owner: 'own' | 'other',
  shared: string | null,
): LabDatasetAccess => ({
  kind: 'lab-dataset',
  ownerUserId: owner === 'own' && person.actor.kind === 'user' ? person.actor.userId : 'someone-else',
  cohortId: shared ? person.access.cohortId : '',
  sharedGroupId: shared,
  membership: shared ? person.access.membership : null,
  groups: shared ? person.groups : null,
});

// The group's members (active learners) and the group's active tutor or manager; nobody else — not site admins,
// not other groups, not learners without a group, not people of another cohort, not withdrawn or pending learners.
const GROUP: GroupWho[] = [
  'learner (active), own group',
  'site admin, learner (active), own group',
  'tutor (active), own group',
  'manager (active), own group',
];

checkGroupScenarios('lab', labPolicy, [
  { name: 'the Lab', resource: () => SITE, table: { 'lab.use': signedIn } },
  {
    name: 'a dataset of their own, private',
    resource: (p) => dataset(p, 'own', null),
    table: { 'lab.dataset-view': signedIn, 'lab.dataset-run': signedIn, 'lab.dataset-manage': signedIn },
  },
  {
    name: 'someone else’s private dataset',
    resource: (p) => dataset(p, 'other', null),
    table: { 'lab.dataset-view': [], 'lab.dataset-run': [], 'lab.dataset-manage': [] },
  },
  {
    name: 'someone else’s dataset shared with group g',
    resource: (p) => dataset(p, 'other', THIS_GROUP),
    table: { 'lab.dataset-view': GROUP, 'lab.dataset-run': GROUP, 'lab.dataset-manage': [] },
  },
]);
