import type { Actor } from '../actor.ts';
import type { ForumAccess, PostAccess, ThreadAccess } from '../group-access.ts';
import type { CohortAccess } from '../membership.ts';
import { groupRelationsIn, hasActiveRole, isSiteAdmin } from '../membership.rules.ts';

type InCohort = Pick<CohortAccess, 'cohortId' | 'membership'>;
type Grouped = ForumAccess | ThreadAccess | PostAccess;

/** Site admins who are not taking the course (an admin enrolled as a learner reads as a learner). */
const admin = (actor: Actor, r: InCohort) => isSiteAdmin(actor) && !hasActiveRole(actor, r, 'learner');
/** Tutors, managers, admins: they read every group, every reply, and moderate outside group forums. */
const staff = (actor: Actor, r: InCohort) => admin(actor, r) || hasActiveRole(actor, r, 'tutor', 'manager');
const learner = (actor: Actor, r: InCohort) => hasActiveRole(actor, r, 'learner');
/** The actor is a learner of group `groupId`. */
const inGroup = (actor: Actor, r: Grouped, groupId: string | null) =>
  groupId !== null && learner(actor, r) && groupRelationsIn(actor, r)?.memberOf === groupId;
/** The actor is the tutor of group `groupId` (and still an active tutor or manager of the cohort). */
const tutorOf = (actor: Actor, r: Grouped, groupId: string | null) =>
  groupId !== null &&
  hasActiveRole(actor, r, 'tutor', 'manager') &&
  (groupRelationsIn(actor, r)?.tutorOf.includes(groupId) ?? false);

/** Reads a forum: a group forum is its group's, every tutor's and manager's; the others every active member's. */
const readForum = (actor: Actor, r: Grouped) =>
  r.forum.kind === 'group'
    ? staff(actor, r) || inGroup(actor, r, r.forum.groupId)
    : staff(actor, r) || learner(actor, r);

/** Moderates (edit, remove, lock, pin, move): in a group forum its tutor and managers; elsewhere all staff. */
const moderate = (actor: Actor, r: Grouped) =>
  r.forum.kind === 'group'
    ? admin(actor, r) || hasActiveRole(actor, r, 'manager') || tutorOf(actor, r, r.forum.groupId)
    : staff(actor, r);

/** Reads a thread: in separate-groups forums learners see their own group's threads and those for everyone. */
const readThread = (actor: Actor, r: ThreadAccess | PostAccess) =>
  readForum(actor, r) &&
  (r.forum.groupMode !== 'separate' ||
    r.thread.groupId === null ||
    staff(actor, r) ||
    inGroup(actor, r, r.thread.groupId));

/** Takes part in a forum's discussions (besides moderators): the group's learners, or any active learner. */
const participant = (actor: Actor, r: Grouped) =>
  r.forum.kind === 'group' ? inGroup(actor, r, r.forum.groupId) : learner(actor, r);

/**
 * A cohort's forums.
 * - `forum.view`: the forum list and search — active members and site admins.
 * - `forum.read`: a forum — group forums only to the group's learners and the cohort's staff.
 * - `forum.start`: announcements and Q&A questions by staff; group forums by the group's learners, its tutor
 *   and managers; separate-groups forums by learners who have a group.
 * - `thread.read`: separate-groups threads only to their group and staff; `thread.read-replies`: in Q&A forums a
 *   learner sees others' replies after posting one; `thread.reply`: not in locked threads or announcements, except
 *   moderators.
 * - `forum.moderate`: edit and remove anyone's post (with a reason), lock, pin, move — the group's tutor and
 *   managers in group forums, all staff elsewhere. `post.edit-own`: authors, within the edit window (a rule).
 * - `forum.manage`: add forums and set the group mode — staff.
 * @example can(learnerOfGroupA, 'thread.read', threadOfGroupBInSeparateForum) // false
 */
export const forumsPolicy = {
  'forum.view': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort) || learner(actor, cohort),
  'forum.manage': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'forum.read': (actor: Actor, forum: ForumAccess) => readForum(actor, forum),
  'forum.start': (actor: Actor, forum: ForumAccess) => {
    if (!readForum(actor, forum)) return false;
    const { kind, groupId, groupMode } = forum.forum;
    if (kind === 'announcements' || kind === 'qa') return staff(actor, forum);
    if (kind === 'group') return moderate(actor, forum) || inGroup(actor, forum, groupId);
    if (staff(actor, forum)) return true;
    return (
      learner(actor, forum) && (groupMode !== 'separate' || groupRelationsIn(actor, forum)?.memberOf != null)
    );
  },
  'forum.moderate': (actor: Actor, target: ForumAccess | ThreadAccess) =>
    readForum(actor, target) && moderate(actor, target),
  'thread.read': (actor: Actor, thread: ThreadAccess) => readThread(actor, thread),
  'thread.read-replies': (actor: Actor, thread: ThreadAccess) =>
    readThread(actor, thread) &&
    (thread.forum.kind !== 'qa' ||
      staff(actor, thread) ||
      (actor.kind === 'user' && thread.reader?.userId === actor.userId && thread.reader.hasPosted)),
  'thread.reply': (actor: Actor, thread: ThreadAccess) =>
    readThread(actor, thread) &&
    (moderate(actor, thread) ||
      (!thread.thread.locked && thread.forum.kind !== 'announcements' && participant(actor, thread))),
  'post.edit-own': (actor: Actor, post: PostAccess) =>
    actor.kind === 'user' &&
    actor.userId === post.authorUserId &&
    readThread(actor, post) &&
    !post.thread.locked &&
    (participant(actor, post) || moderate(actor, post)),
};
