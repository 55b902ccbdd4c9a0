// Forums: per-cohort forums, threads and posts, read tracking, subscriptions.

/**
 * What a forum is for: `announcements` (staff post, everyone subscribed), `general`, `module` (one per course
 * module, with the module's prompt), `qa` (a learner sees others' replies after posting), `group` (a group's
 * private forum).
 */
export type ForumKind = 'announcements' | 'general' | 'module' | 'qa' | 'group';

/** `separate`: learners see only their own group's threads (and threads for everyone); staff see all. */
export type ForumGroupMode = 'none' | 'separate';

/**
 * A forum of a cohort. `slot` is unique per cohort (`announcements`, `general`, `qa`, `module:<id>`,
 * `group:<id>`, `custom:<id>`) so that creating the standard forums twice creates nothing.
 */
export interface ForumTable {
  id: string;
  cohort_id: string;
  slot: string;
  kind: ForumKind;
  module_id: string | null;
  group_id: string | null;
  /** Title and introduction of forums staff created; the standard ones are named by the page. */
  title: string | null;
  intro: string | null;
  group_mode: ForumGroupMode;
  position: number;
  created_at: string;
  updated_at: string;
}

/** A thread (discussion). `group_id` is set in group forums and separate-groups forums; null means everyone. */
export interface ForumThreadTable {
  id: string;
  forum_id: string;
  cohort_id: string;
  group_id: string | null;
  title: string;
  author_id: string;
  pinned: number;
  locked: number;
  created_at: string;
  last_post_at: string;
  /** The number of the latest post (posts are numbered 1, 2, … in their thread; deleted ones keep theirs). */
  last_post_number: number;
  deleted_at: string | null;
}

/** A post; number 1 opens its thread. `search_text` is the normalised text the full-text index reads. */
export interface ForumPostTable {
  id: string;
  thread_id: string;
  cohort_id: string;
  author_id: string;
  number: number;
  reply_to_id: string | null;
  body: string;
  search_text: string;
  created_at: string;
  edited_at: string | null;
  edited_by: string | null;
  deleted_at: string | null;
  deleted_by: string | null;
  delete_reason: string | null;
}

/** A file attached to a post (a stored file kept with it), in the order sent. */
export interface ForumPostFileTable {
  post_id: string;
  file_id: string;
  position: number;
}

/** How far a person has read a thread: the number of the last post they saw. */
export interface ForumReadTable {
  user_id: string;
  thread_id: string;
  last_read_number: number;
  read_at: string;
}

/** A person's choice about a forum (1 subscribed, 0 unsubscribed); no row means the forum's default. */
export interface ForumSubscriptionTable {
  user_id: string;
  forum_id: string;
  subscribed: number;
  updated_at: string;
}

/** A person's choice about a thread; posting in a thread subscribes the author unless they opted out. */
export interface ThreadSubscriptionTable {
  user_id: string;
  thread_id: string;
  subscribed: number;
  updated_at: string;
}

/** The forum tables. */
export interface ForumsTables {
  forums: ForumTable;
  forum_threads: ForumThreadTable;
  forum_posts: ForumPostTable;
  forum_post_files: ForumPostFileTable;
  forum_reads: ForumReadTable;
  forum_subscriptions: ForumSubscriptionTable;
  thread_subscriptions: ThreadSubscriptionTable;
}
