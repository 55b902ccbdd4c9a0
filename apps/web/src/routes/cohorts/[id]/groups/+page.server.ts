import {
  allocateGroups,
  allocateGroupsSchema,
  createGroup,
  createGroupSchema,
  deleteGroup,
  findOwnGroupId,
  getGroupsAdmin,
  importGroupList,
  placeLearner,
  placeLearnerSchema,
  renameGroup,
  renameGroupSchema,
  setGroupTutor,
  setGroupTutorSchema,
  type AllocateGroupsInput,
  type CreateGroupInput,
  type PlaceLearnerInput,
  type RenameGroupInput,
  type SetGroupTutorInput,
  type GroupListRow,
} from '@labmig/core/groups';
import { errorMessage, isDomainError } from '@labmig/core/errors';
import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { runAction, runLoad } from '$lib/server/edge';
import { FormRejected } from '$lib/server/forms';
import { checkForumForm, forumPaths } from '$lib/server/forums/forum-forms';
import { requireUser } from '$lib/server/guards';
import { countryName } from '$lib/server/options';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The groups of a cohort (tutors, managers, admins). A learner is sent to their own group's page; anyone else gets
 * core's refusal.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    try {
      const admin = await getGroupsAdmin(locals.app, actor, params.id);
      const named = <T extends { country: string }>(p: T) => ({
        ...p,
        country: countryName(p.country, locals.locale),
      });
      return {
        admin: {
          ...admin,
          groups: admin.groups.map((g) => ({ ...g, members: g.members.map(named) })),
          ungrouped: admin.ungrouped.map(named),
        },
      };
    } catch (caught) {
      if (isDomainError(caught) && caught.kind === 'forbidden') {
        const own = await findOwnGroupId(locals.app.db, actor, params.id);
        if (own) redirect(303, forumPaths.group(params.id, own));
      }
      throw caught;
    }
  });
};

/** The rows of a group list's report with each problem in the page's language. */
const reportOf = (rows: readonly GroupListRow[], locale: 'en' | 'fr') =>
  rows.map((r) => ({ ...r, message: r.problem ? errorMessage(r.problem, locale) : null }));

/** A staff form of this page: the cohort from the URL, core decides who may. */
function groupAction<T>(name: string, work: (event: RequestEvent, form: FormData) => Promise<T>) {
  return async (event: RequestEvent) => {
    requireUser(event.locals, event.url);
    return runAction(event, (form) => work(event, form), {
      extra: (form) => ({
        form: name,
        groupId: String(form.get('groupId') ?? ''),
        userId: String(form.get('userId') ?? ''),
      }),
    });
  };
}

export const actions: Actions = {
  create: groupAction('create', async ({ locals, params }, form) => {
    await createGroup(
      locals.app,
      locals.actor,
      params.id,
      checkForumForm<CreateGroupInput>(createGroupSchema, form, locals.locale),
    );
    return { done: 'created' as const };
  }),
  rename: groupAction('rename', async ({ locals, params }, form) => {
    await renameGroup(
      locals.app,
      locals.actor,
      params.id,
      checkForumForm<RenameGroupInput>(renameGroupSchema, form, locals.locale),
    );
    return { done: 'renamed' as const };
  }),
  remove: groupAction('remove', async ({ locals, params }, form) => {
    await deleteGroup(locals.app, locals.actor, params.id, String(form.get('groupId') ?? ''));
    return { done: 'deleted' as const };
  }),
  tutor: groupAction('tutor', async ({ locals, params }, form) => {
    await setGroupTutor(
      locals.app,
      locals.actor,
      params.id,
      checkForumForm<SetGroupTutorInput>(setGroupTutorSchema, form, locals.locale),
    );
    return { done: 'tutor' as const };
  }),
  place: groupAction('place', async ({ locals, params }, form) => {
    await placeLearner(
      locals.app,
      locals.actor,
      params.id,
      checkForumForm<PlaceLearnerInput>(placeLearnerSchema, form, locals.locale),
    );
    return { done: 'placed' as const };
  }),
  allocate: groupAction('allocate', async ({ locals, params }, form) => {
    const input = checkForumForm<AllocateGroupsInput>(allocateGroupsSchema, form, locals.locale);
    const result = await allocateGroups(locals.app, locals.actor, params.id, input);
    return { done: 'allocated' as const, allocated: result.groups };
  }),
  /** A group list (CSV): the per-row report comes back; nothing changes unless every row is right. */
  upload: groupAction('upload', async ({ locals, params }, form) => {
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      throw new FormRejected({
        values: {},
        errors: { file: m.groups_csv_choose({}, { locale: locals.locale }) },
        message: m.groups_csv_choose({}, { locale: locals.locale }),
      });
    const report = await importGroupList(
      locals.app,
      locals.actor,
      params.id,
      new Uint8Array(await file.arrayBuffer()),
    );
    const rows = reportOf(report.rows, locals.locale);
    if (!report.ok)
      throw new FormRejected(
        { values: {}, errors: {}, message: errorMessage('group.csv_rejected', locals.locale), report: rows },
        400,
      );
    return { done: 'uploaded' as const, report: rows, created: report.groupsCreated };
  }),
};
