// Groups: a cohort's learners in small groups, each with a tutor.

/** A group of learners in a cohort; `tutor_user_id` is the person (an active tutor or manager) who looks after it. */
export interface GroupTable {
  id: string;
  cohort_id: string;
  name: string;
  tutor_user_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A learner's place in a group. A learner is in at most one group per cohort (unique `cohort_id`, `user_id`). */
export interface GroupMemberTable {
  id: string;
  group_id: string;
  cohort_id: string;
  user_id: string;
  added_at: string;
}

/** The group tables. */
export interface GroupsTables {
  groups: GroupTable;
  group_members: GroupMemberTable;
}
