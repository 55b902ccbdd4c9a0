import {
  countThreadsOfGroup,
  deleteGroup as deleteGroupRow,
  deleteGroupMember,
  findGroup,
  findGroupByName,
  insertGroup,
  insertGroupMember,
  isUniqueViolation,
  listCohortPeople,
  listGroupsOfCohort,
  newId,
  updateGroup,
  type Database,
  type Kysely,
  type Transaction,
} from '@labmig/db';
import type { Actor, UserActor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { ConflictError, DomainValidationError, NotFoundError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { detectCsvDelimiter, parseCsv } from '../shared/csv-read.ts';
import { allocateBalanced, groupCountFor, nameAllocatedGroups } from './group-allocation.rules.ts';
import {
  decodeGroupListText,
  planGroupList,
  readGroupListHeader,
  type GroupListRow,
} from './group-list.rules.ts';
import { countryRegions } from './group-regions.ts';
import {
  allocateGroupsSchema,
  createGroupSchema,
  GROUP_LIMITS,
  placeLearnerSchema,
  renameGroupSchema,
  setGroupTutorSchema,
  type AllocateGroupsInput,
  type CreateGroupInput,
  type PlaceLearnerInput,
  type RenameGroupInput,
  type SetGroupTutorInput,
} from './group.schema.ts';

/** Loads the cohort and asserts `group.manage` (outsiders get "cohort not found"). */
async function manage(
  app: App,
  actor: Actor,
  cohortId: string,
): Promise<{ actor: UserActor; cohortId: string }> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'group.manage', access, { hidden: 'cohort.not_found' });
  return { actor, cohortId: cohort.id };
}

/** Runs `work` in a transaction; a group name taken meanwhile by a parallel request is a conflict, not a bug. */
async function inTransaction<T>(app: App, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  try {
    return await app.db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('group.name_taken', { name: 'group.name_taken' });
    throw error;
  }
}

async function assertNameFree(db: Kysely<Database>, cohortId: string, name: string, except?: string) {
  const found = await findGroupByName(db, cohortId, name);
  if (found && found.id !== except) throw new ConflictError('group.name_taken', { name: 'group.name_taken' });
}

/** Creates a group by hand. Throws ConflictError `group.name_taken`. Returns its id. */
export async function createGroup(
  app: App,
  actor: Actor,
  cohortId: string,
  input: CreateGroupInput,
): Promise<{ groupId: string }> {
  const data = parseInput(createGroupSchema, input);
  const ctx = await manage(app, actor, cohortId);
  return inTransaction(app, async (trx) => {
    await assertNameFree(trx, ctx.cohortId, data.name);
    const at = app.clock.now().toISOString();
    const groupId = newId();
    await insertGroup(trx, {
      id: groupId,
      cohort_id: ctx.cohortId,
      name: data.name,
      tutor_user_id: null,
      created_at: at,
      updated_at: at,
    });
    return { groupId };
  });
}

/** Renames a group. Throws NotFoundError `group.not_found`, ConflictError `group.name_taken`. */
export async function renameGroup(
  app: App,
  actor: Actor,
  cohortId: string,
  input: RenameGroupInput,
): Promise<void> {
  const data = parseInput(renameGroupSchema, input);
  const ctx = await manage(app, actor, cohortId);
  await inTransaction(app, async (trx) => {
    if (!(await findGroup(trx, ctx.cohortId, data.groupId))) throw new NotFoundError('group.not_found');
    await assertNameFree(trx, ctx.cohortId, data.name, data.groupId);
    await updateGroup(trx, data.groupId, { name: data.name, updated_at: app.clock.now().toISOString() });
  });
}

/**
 * Deletes a group; its learners are left without a group. A group whose forum has discussions is kept (ConflictError
 * `group.has_discussions`): deleting it would delete them.
 */
export async function deleteGroup(app: App, actor: Actor, cohortId: string, groupId: string): Promise<void> {
  const ctx = await manage(app, actor, cohortId);
  await app.db.transaction().execute(async (trx) => {
    if (!(await findGroup(trx, ctx.cohortId, groupId))) throw new NotFoundError('group.not_found');
    if ((await countThreadsOfGroup(trx, groupId)) > 0) throw new ConflictError('group.has_discussions');
    await deleteGroupRow(trx, groupId);
  });
}

/** Staff of the cohort who may tutor a group: active tutors and managers. */
async function assertTutor(db: Kysely<Database>, cohortId: string, userId: string): Promise<void> {
  const person = (await listCohortPeople(db, cohortId)).find((p) => p.user_id === userId);
  if (!person || person.role === 'learner' || person.status !== 'active')
    throw new DomainValidationError({ tutorUserId: 'group.tutor_not_staff' }, 'group.tutor_not_staff');
}

/** Names a group's tutor (an active tutor or manager), or removes the tutor. */
export async function setGroupTutor(
  app: App,
  actor: Actor,
  cohortId: string,
  input: SetGroupTutorInput,
): Promise<void> {
  const data = parseInput(setGroupTutorSchema, input);
  const ctx = await manage(app, actor, cohortId);
  await app.db.transaction().execute(async (trx) => {
    if (!(await findGroup(trx, ctx.cohortId, data.groupId))) throw new NotFoundError('group.not_found');
    if (data.tutorUserId !== null) await assertTutor(trx, ctx.cohortId, data.tutorUserId);
    await updateGroup(trx, data.groupId, {
      tutor_user_id: data.tutorUserId,
      updated_at: app.clock.now().toISOString(),
    });
  });
}

/** Puts an active learner in a group (out of any other), or takes them out of their group (`groupId` empty). */
export async function placeLearner(
  app: App,
  actor: Actor,
  cohortId: string,
  input: PlaceLearnerInput,
): Promise<void> {
  const data = parseInput(placeLearnerSchema, input);
  const ctx = await manage(app, actor, cohortId);
  await app.db.transaction().execute(async (trx) => {
    const person = (await listCohortPeople(trx, ctx.cohortId)).find((p) => p.user_id === data.userId);
    if (data.groupId === null) {
      if (person) await deleteGroupMember(trx, ctx.cohortId, data.userId);
      return;
    }
    if (!(await findGroup(trx, ctx.cohortId, data.groupId))) throw new NotFoundError('group.not_found');
    if (!person || person.role !== 'learner' || person.status !== 'active')
      throw new DomainValidationError({ userId: 'group.not_a_learner' }, 'group.not_a_learner');
    await place(trx, ctx.cohortId, data.userId, data.groupId, app.clock.now().toISOString());
  });
}

async function place(
  trx: Transaction<Database>,
  cohortId: string,
  userId: string,
  groupId: string,
  at: string,
) {
  await deleteGroupMember(trx, cohortId, userId);
  await insertGroupMember(trx, {
    id: newId(),
    group_id: groupId,
    cohort_id: cohortId,
    user_id: userId,
    added_at: at,
  });
}

/** The outcome of a group list: every row with what it did or why it could not; nothing changes unless `ok`. */
export interface GroupListReport {
  readonly ok: boolean;
  readonly rows: readonly GroupListRow[];
  readonly groupsCreated: number;
}

/**
 * Applies a group list (CSV with the columns email, group and optionally tutor; comma, semicolon or tab; UTF-8 or
 * Windows-1252): creates the groups it names, puts each listed learner in their group and sets the tutors given.
 * All or nothing: when any row has a problem nothing changes and the report says which rows and why. Learners not
 * listed keep their group. Throws DomainValidationError `group.csv_unreadable`, `group.csv_too_large`,
 * `group.csv_header` for a file that cannot be read as a list at all.
 */
export async function importGroupList(
  app: App,
  actor: Actor,
  cohortId: string,
  file: Uint8Array,
): Promise<GroupListReport> {
  const ctx = await manage(app, actor, cohortId);
  const invalid = (code: 'group.csv_unreadable' | 'group.csv_too_large' | 'group.csv_header') =>
    new DomainValidationError({ file: code }, code);
  if (file.byteLength > GROUP_LIMITS.csvBytesMax) throw invalid('group.csv_too_large');
  const text = decodeGroupListText(file);
  if (text === undefined || text.trim() === '') throw invalid('group.csv_unreadable');
  const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), detectCsvDelimiter(text));
  if (rows.length > GROUP_LIMITS.csvRowsMax) throw invalid('group.csv_too_large');
  const columns = readGroupListHeader(header);
  if (!columns) throw invalid('group.csv_header');
  return inTransaction(app, async (trx) => {
    const people = (await listCohortPeople(trx, ctx.cohortId)).map((p) => ({
      userId: p.user_id,
      email: p.email,
      role: p.role,
      status: p.status,
      groupId: p.group_id,
    }));
    const existing = new Map((await listGroupsOfCohort(trx, ctx.cohortId)).map((g) => [g.name, g.id]));
    const plan = planGroupList(rows, columns, people, existing);
    if (!plan.ok) return { ok: false, rows: plan.rows, groupsCreated: 0 };
    const at = app.clock.now().toISOString();
    const ids = new Map(existing);
    for (const name of plan.newGroups) {
      const id = newId();
      ids.set(name, id);
      await insertGroup(trx, {
        id,
        cohort_id: ctx.cohortId,
        name,
        tutor_user_id: null,
        created_at: at,
        updated_at: at,
      });
    }
    for (const [name, tutor] of plan.tutors)
      await updateGroup(trx, ids.get(name)!, { tutor_user_id: tutor, updated_at: at });
    for (const p of plan.placements) await place(trx, ctx.cohortId, p.userId, ids.get(p.group)!, at);
    return { ok: true, rows: plan.rows, groupsCreated: plan.newGroups.length };
  });
}

/**
 * Puts the active learners who have no group yet into new groups of about `size` (sizes differ by one at most),
 * people of the same region (UN M49 sub-region of their country) or language together as far as sizes allow; with
 * `assignTutors`, the cohort's active tutors are given to the new groups in turn (the least busy first).
 * Throws ConflictError `group.nothing_to_allocate`, `group.regions_unavailable`.
 */
export async function allocateGroups(
  app: App,
  actor: Actor,
  cohortId: string,
  input: AllocateGroupsInput,
): Promise<{ groups: { id: string; name: string; size: number }[] }> {
  const data = parseInput(allocateGroupsSchema, input);
  const ctx = await manage(app, actor, cohortId);
  const regions = data.by === 'region' ? countryRegions(app.config.contentDir) : null;
  if (data.by === 'region' && !regions) throw new ConflictError('group.regions_unavailable');
  const locale = ctx.actor.locale;
  const languages: Record<string, string> =
    locale === 'fr' ? { en: 'Anglais', fr: 'Français' } : { en: 'English', fr: 'French' };
  const other = locale === 'fr' ? 'Autres' : 'Other';
  return inTransaction(app, async (trx) => {
    const people = await listCohortPeople(trx, ctx.cohortId);
    const waiting = people
      .filter((p) => p.role === 'learner' && p.status === 'active' && p.group_id === null)
      .map((p) => {
        if (data.by === 'language')
          return { userId: p.user_id, name: p.name, key: p.locale, label: languages[p.locale] ?? p.locale };
        const region = regions!.get(p.country);
        return {
          userId: p.user_id,
          name: p.name,
          key: region?.code ?? '',
          label: region?.name[locale] ?? other,
        };
      });
    if (waiting.length === 0) throw new ConflictError('group.nothing_to_allocate');
    const allocated = allocateBalanced(waiting, groupCountFor(waiting.length, data.size));
    const existing = await listGroupsOfCohort(trx, ctx.cohortId);
    const names = nameAllocatedGroups(allocated, new Set(existing.map((g) => g.name)), GROUP_LIMITS.nameMax);
    const tutors = data.assignTutors ? tutorsByLoad(people, existing) : [];
    const at = app.clock.now().toISOString();
    const created: { id: string; name: string; size: number }[] = [];
    for (const [i, group] of allocated.entries()) {
      const id = newId();
      const tutor = tutors.length > 0 ? tutors[i % tutors.length]! : null;
      await insertGroup(trx, {
        id,
        cohort_id: ctx.cohortId,
        name: names[i]!,
        tutor_user_id: tutor,
        created_at: at,
        updated_at: at,
      });
      for (const m of group.members) await place(trx, ctx.cohortId, m.userId, id, at);
      created.push({ id, name: names[i]!, size: group.members.length });
    }
    return { groups: created };
  });
}

/** Active tutors (not managers), those tutoring the fewest groups first. */
function tutorsByLoad(
  people: readonly { user_id: string; role: string; status: string; name: string }[],
  groups: readonly { tutor_user_id: string | null }[],
): string[] {
  const load = (id: string) => groups.filter((g) => g.tutor_user_id === id).length;
  return people
    .filter((p) => p.role === 'tutor' && p.status === 'active')
    .sort((a, b) => load(a.user_id) - load(b.user_id) || a.name.localeCompare(b.name))
    .map((p) => p.user_id);
}
