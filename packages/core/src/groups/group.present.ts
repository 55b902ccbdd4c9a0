/** A person as group pages show them. */
export interface GroupPersonDto {
  readonly userId: string;
  readonly name: string;
}

/** A learner in a group (or waiting for one), with the profile fields groups are made from. */
export interface GroupMemberDto extends GroupPersonDto {
  readonly email: string;
  readonly country: string;
  readonly locale: string;
}

/**
 * A group as other features use it (assignments: one submission per group): its tutor and its members by name.
 */
export interface LearnerGroup {
  readonly id: string;
  readonly cohortId: string;
  readonly name: string;
  readonly tutor: GroupPersonDto | null;
  readonly members: readonly GroupPersonDto[];
}

/** The groups page of a cohort (staff). */
export interface GroupsAdminDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly groups: readonly {
    readonly id: string;
    readonly name: string;
    readonly tutor: GroupPersonDto | null;
    readonly members: readonly GroupMemberDto[];
  }[];
  /** Active learners without a group. */
  readonly ungrouped: readonly GroupMemberDto[];
  /** Active tutors and managers, who may tutor a group. */
  readonly tutors: readonly GroupPersonDto[];
  readonly regionsAvailable: boolean;
}
