// Groups of a cohort: the minimum that group assignments need (issue 13 extends them).

/** A group of learners in a cohort. */
export interface GroupTable {
  id: string;
  cohort_id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** A learner's place in a group; a learner belongs to at most one group of a cohort. */
export interface GroupMemberTable {
  group_id: string;
  cohort_id: string;
  user_id: string;
  added_at: string;
}

/** A tutor who follows a group (the tutor's workload is filtered by it). */
export interface GroupTutorTable {
  group_id: string;
  user_id: string;
  added_at: string;
}

/** The tables of groups. */
export interface GroupsTables {
  groups: GroupTable;
  group_members: GroupMemberTable;
  group_tutors: GroupTutorTable;
}
