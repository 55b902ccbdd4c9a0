import {
  addPersonByEmail,
  addPersonSchema,
  COURSE_ADMIN_LIMITS,
  getCohortAdmin,
  importEnrolmentList,
} from '@labmig/core/course-admin';
import { m } from '$lib/paraglide/messages';
import { uploadedText } from '$lib/server/admin/csv-upload';
import { runAction, runLoad } from '$lib/server/edge';
import { FormRejected, orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { cohortAdministrator } from '$lib/server/admin/admin-guards';

/** Add people to a cohort: one by email, or a CSV list (site admins and the cohort's managers). */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () => getCohortAdmin(locals.app, actor, params.id));
  return { cohort: page.cohort, can: page.can, maxRows: COURSE_ADMIN_LIMITS.csvMaxRows };
};

export const actions: Actions = {
  one: async (event) => {
    const { locals, params } = event;
    const actor = await cohortAdministrator(event);
    return runAction(
      event,
      async (form) => {
        const data = orReject(parseForm(addPersonSchema, form, formText(locals.locale)));
        const added = await addPersonByEmail(locals.app, actor, params.id, data, {
          requestId: locals.requestId,
        });
        return { form: 'one' as const, added };
      },
      { extra: () => ({ form: 'one' }) },
    );
  },
  list: async (event) => {
    const { locals, params } = event;
    const actor = await cohortAdministrator(event);
    return runAction(
      event,
      async (form) => {
        const file = form.get('file');
        const pasted = String(form.get('csv') ?? '');
        const hasFile = file instanceof File && file.size > 0;
        const csv = hasFile ? await uploadedText(file, COURSE_ADMIN_LIMITS.csvMaxBytes) : pasted;
        if (csv === null || (!hasFile && pasted.trim() === ''))
          throw new FormRejected({
            form: 'list',
            values: { invite: String(form.get('invite') ?? '') },
            errors: {
              file:
                csv === null
                  ? m.admin_list_too_large({}, { locale: locals.locale })
                  : m.admin_list_missing({}, { locale: locals.locale }),
            },
            message: m.form_errors_summary({}, { locale: locals.locale }),
          });
        const report = await importEnrolmentList(
          locals.app,
          actor,
          params.id,
          { csv, invite: String(form.get('invite') ?? '') },
          { requestId: locals.requestId },
        );
        return { form: 'list' as const, report };
      },
      { extra: () => ({ form: 'list' }), field: 'file' },
    );
  },
};
