/**
 * `@labmig/core/groups` — groups of learners in a cohort, each with a tutor: made by hand, from a CSV list or by
 * automatic allocation by region or language; `findLearnerGroup` and `listGroups` for other features (assignments).
 */
export {
  GROUP_LIMITS,
  createGroupSchema,
  renameGroupSchema,
  setGroupTutorSchema,
  placeLearnerSchema,
  allocateGroupsSchema,
  type CreateGroupInput,
  type RenameGroupInput,
  type SetGroupTutorInput,
  type PlaceLearnerInput,
  type AllocateGroupsInput,
} from './group.schema.ts';
export type { GroupPersonDto, GroupMemberDto, LearnerGroup, GroupsAdminDto } from './group.present.ts';
export type { GroupListRow } from './group-list.rules.ts';
export { listGroups, findLearnerGroup, getGroupsAdmin, findOwnGroupId } from './group.queries.ts';
export {
  createGroup,
  renameGroup,
  deleteGroup,
  setGroupTutor,
  placeLearner,
  importGroupList,
  allocateGroups,
  type GroupListReport,
} from './group.commands.ts';
