import type { ForumAccess, PostAccess, ThreadAccess } from '../group-access.ts';
import {
  checkGroupScenarios,
  OTHER_GROUP,
  THIS_GROUP,
  type GroupPerson,
  type GroupWho,
} from '../testing/group-policy-table.ts';
import type { Who } from '../testing/policy-table.ts';
import { forumsPolicy } from './forums.policy.ts';

// Who may do what in a cohort's forums, for everyone of the cast in every group relation (see group-policy-table.ts).

/** A person in every group relation: none, in/tutoring this group, in/tutoring another group. */
const any = (who: Who): GroupWho[] => [who, `${who}, own group`, `${who}, other group`];
const ADMIN: GroupWho[] = ['site admin'];
const TUTORS = any('tutor (active)');
const MANAGERS = any('manager (active)');
const STAFF = [...ADMIN, ...TUTORS, ...MANAGERS];
const LEARNERS = [...any('learner (active)'), ...any('site admin, learner (active)')];
const OWN_GROUP_LEARNERS: GroupWho[] = [
  'learner (active), own group',
  'site admin, learner (active), own group',
];
const GROUPED_LEARNERS: GroupWho[] = [
  ...OWN_GROUP_LEARNERS,
  'learner (active), other group',
  'site admin, learner (active), other group',
];
/** Moderators of this group's forum: admins, managers, and the tutor of this group only. */
const GROUP_MODERATORS: GroupWho[] = [...ADMIN, ...MANAGERS, 'tutor (active), own group'];

const forum = (
  p: GroupPerson,
  kind: ForumAccess['forum']['kind'],
  groupMode: ForumAccess['forum']['groupMode'] = 'none',
): ForumAccess => ({
  kind: 'forum',
  cohortId: p.access.cohortId,
  membership: p.access.membership,
  groups: p.groups,
  forum: { kind, groupId: kind === 'group' ? THIS_GROUP : null, groupMode },
});

const userIdOf = (p: GroupPerson) => (p.actor.kind === 'user' ? p.actor.userId : 'nobody');

const thread = (
  p: GroupPerson,
  f: ForumAccess,
  options: { groupId?: string | null; locked?: boolean; posted?: boolean; postedBy?: 'self' | 'other' } = {},
): ThreadAccess => ({
  ...f,
  kind: 'thread',
  thread: { groupId: options.groupId ?? f.forum.groupId, locked: options.locked ?? false },
  reader:
    options.posted === undefined
      ? null
      : { userId: options.postedBy === 'other' ? 'someone-else' : userIdOf(p), hasPosted: options.posted },
});

const post = (p: GroupPerson, t: ThreadAccess, own: boolean): PostAccess => ({
  ...t,
  kind: 'post',
  authorUserId: own ? userIdOf(p) : 'someone-else',
});

checkGroupScenarios('forums', forumsPolicy, [
  {
    name: 'the cohort',
    resource: (p) => p.access,
    // The forum list and search; staff add forums and set the group mode.
    table: { 'forum.view': [...STAFF, ...LEARNERS], 'forum.manage': STAFF },
  },
  {
    name: 'general forum',
    resource: (p) => forum(p, 'general'),
    table: {
      'forum.read': [...STAFF, ...LEARNERS],
      'forum.start': [...STAFF, ...LEARNERS],
      'forum.moderate': STAFF,
    },
  },
  {
    name: 'thread of the general forum',
    resource: (p) => thread(p, forum(p, 'general')),
    table: {
      'thread.read': [...STAFF, ...LEARNERS],
      'thread.read-replies': [...STAFF, ...LEARNERS],
      'thread.reply': [...STAFF, ...LEARNERS],
      'forum.moderate': STAFF,
    },
  },
  {
    name: 'locked thread of the general forum',
    resource: (p) => thread(p, forum(p, 'general'), { locked: true }),
    table: { 'thread.read': [...STAFF, ...LEARNERS], 'thread.reply': STAFF },
  },
  {
    name: 'own post in the general forum',
    resource: (p) => post(p, thread(p, forum(p, 'general')), true),
    table: { 'post.edit-own': [...STAFF, ...LEARNERS] },
  },
  {
    name: "someone else's post in the general forum",
    resource: (p) => post(p, thread(p, forum(p, 'general')), false),
    table: { 'post.edit-own': [] },
  },
  {
    name: 'own post in a locked thread',
    resource: (p) => post(p, thread(p, forum(p, 'general'), { locked: true }), true),
    table: { 'post.edit-own': [] },
  },
  {
    name: 'announcements',
    resource: (p) => forum(p, 'announcements'),
    // Staff post; everyone reads.
    table: { 'forum.read': [...STAFF, ...LEARNERS], 'forum.start': STAFF, 'forum.moderate': STAFF },
  },
  {
    name: 'an announcement',
    resource: (p) => thread(p, forum(p, 'announcements')),
    table: { 'thread.read': [...STAFF, ...LEARNERS], 'thread.reply': STAFF },
  },
  {
    name: 'Q&A forum',
    resource: (p) => forum(p, 'qa'),
    // Questions come from staff; learners answer them.
    table: { 'forum.read': [...STAFF, ...LEARNERS], 'forum.start': STAFF },
  },
  {
    name: 'Q&A question, reader has not posted',
    resource: (p) => thread(p, forum(p, 'qa'), { posted: false }),
    table: {
      'thread.read': [...STAFF, ...LEARNERS],
      'thread.read-replies': STAFF,
      'thread.reply': [...STAFF, ...LEARNERS],
    },
  },
  {
    name: 'Q&A question, reader has posted',
    resource: (p) => thread(p, forum(p, 'qa'), { posted: true }),
    table: { 'thread.read-replies': [...STAFF, ...LEARNERS] },
  },
  {
    name: 'Q&A question, someone else has posted (never counts for the reader)',
    resource: (p) => thread(p, forum(p, 'qa'), { posted: true, postedBy: 'other' }),
    table: { 'thread.read-replies': STAFF },
  },
  {
    name: 'separate-groups module forum',
    resource: (p) => forum(p, 'module', 'separate'),
    // Learners need a group to start a thread (it belongs to their group).
    table: {
      'forum.read': [...STAFF, ...LEARNERS],
      'forum.start': [...STAFF, ...GROUPED_LEARNERS],
      'forum.moderate': STAFF,
    },
  },
  {
    name: "separate-groups forum, this group's thread",
    resource: (p) => thread(p, forum(p, 'module', 'separate'), { groupId: THIS_GROUP }),
    table: {
      'thread.read': [...STAFF, ...OWN_GROUP_LEARNERS],
      'thread.read-replies': [...STAFF, ...OWN_GROUP_LEARNERS],
      'thread.reply': [...STAFF, ...OWN_GROUP_LEARNERS],
      'forum.moderate': STAFF,
    },
  },
  {
    name: 'separate-groups forum, thread for everyone',
    resource: (p) => thread(p, forum(p, 'module', 'separate'), { groupId: null }),
    table: { 'thread.read': [...STAFF, ...LEARNERS], 'thread.reply': [...STAFF, ...LEARNERS] },
  },
  {
    name: 'separate-groups forum, own post in another group’s thread (after a move)',
    resource: (p) => post(p, thread(p, forum(p, 'module', 'separate'), { groupId: OTHER_GROUP }), true),
    table: {
      'post.edit-own': [
        ...STAFF,
        'learner (active), other group',
        'site admin, learner (active), other group',
      ],
    },
  },
  {
    name: "this group's private forum",
    resource: (p) => forum(p, 'group'),
    // Every tutor reads it; only the group's own tutor (and managers) post and moderate.
    table: {
      'forum.read': [...STAFF, ...OWN_GROUP_LEARNERS],
      'forum.start': [...GROUP_MODERATORS, ...OWN_GROUP_LEARNERS],
      'forum.moderate': GROUP_MODERATORS,
    },
  },
  {
    name: "a thread of this group's forum",
    resource: (p) => thread(p, forum(p, 'group')),
    table: {
      'thread.read': [...STAFF, ...OWN_GROUP_LEARNERS],
      'thread.read-replies': [...STAFF, ...OWN_GROUP_LEARNERS],
      'thread.reply': [...GROUP_MODERATORS, ...OWN_GROUP_LEARNERS],
      'forum.moderate': GROUP_MODERATORS,
    },
  },
  {
    name: "own post in this group's forum",
    resource: (p) => post(p, thread(p, forum(p, 'group')), true),
    table: { 'post.edit-own': [...GROUP_MODERATORS, ...OWN_GROUP_LEARNERS] },
  },
]);
