import { z } from 'zod';

/** Limits of groups, used by the forms and the commands. */
export const GROUP_LIMITS = {
  nameMax: 80,
  /** Target sizes an automatic allocation may ask for. */
  sizeMin: 2,
  sizeMax: 40,
  /** A group list (CSV): rows and bytes. */
  csvRowsMax: 5000,
  csvBytesMax: 1024 * 1024,
} as const;

const id = z.string().trim().min(1).max(100);
const name = z.string().trim().min(1).max(GROUP_LIMITS.nameMax);

/** Create a group by hand. */
export const createGroupSchema = z.object({ name });
export type CreateGroupInput = z.input<typeof createGroupSchema>;

/** Rename a group. */
export const renameGroupSchema = z.object({ groupId: id, name });
export type RenameGroupInput = z.input<typeof renameGroupSchema>;

/** Name a group's tutor (an empty value removes the tutor). */
export const setGroupTutorSchema = z.object({
  groupId: id,
  tutorUserId: z
    .string()
    .trim()
    .max(100)
    .transform((v) => (v === '' ? null : v)),
});
export type SetGroupTutorInput = z.input<typeof setGroupTutorSchema>;

/** Put a learner in a group (moving them from another one), or take them out (`groupId` empty). */
export const placeLearnerSchema = z.object({
  userId: id,
  groupId: z
    .string()
    .trim()
    .max(100)
    .transform((v) => (v === '' ? null : v)),
});
export type PlaceLearnerInput = z.input<typeof placeLearnerSchema>;

/** Allocate the learners who have no group yet into new groups of about `size`, by region or by language. */
export const allocateGroupsSchema = z.object({
  by: z.enum(['region', 'language']),
  size: z.coerce.number().int().min(GROUP_LIMITS.sizeMin).max(GROUP_LIMITS.sizeMax),
  /** Give the new groups the cohort's tutors in turn. */
  assignTutors: z
    .union([z.boolean(), z.literal('on'), z.literal('')])
    .optional()
    .transform((v) => v === true || v === 'on'),
});
export type AllocateGroupsInput = z.input<typeof allocateGroupsSchema>;
