import { redirect } from '@sveltejs/kit';
import { toTidyJson } from '@labmig/stats';
import { parseTablesJson, publishTableSet, tableSetMetaSchema } from '@labmig/core/observatory';
import { localizeHref } from '$lib/paraglide/runtime';
import { runAction } from '$lib/server/edge';
import { formText } from '$lib/server/form-text';
import { orReject, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { practiceTables } from '$lib/server/lab/practice-tables';
import { publishTargets } from '$lib/server/observatory/publish-targets';
import type { Actions, PageServerLoad } from './$types';

/** The publish form on its own (a practice set's tables, `?practice=lfs_small`), and where a refused form comes back. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireUser(locals, url);
  const name = url.searchParams.get('practice');
  const set = name ? await practiceTables(locals.app.config.contentDir, name) : null;
  return {
    targets: await publishTargets(locals, actor),
    practice: set ? { name: set.name, country: set.meta.homeCountry, year: set.meta.surveyYear } : null,
  };
};

export const actions: Actions = {
  /**
   * Publishes Lab results to a cohort's observatory: a practice set's precomputed tables (`practice`) or the tidy
   * JSON the in-browser Lab computed (`tables`); then shows the published set.
   */
  default: async (event) => {
    const { locals } = event;
    const actor = requireUser(locals, event.url);
    let target = '';
    const result = await runAction(event, async (form) => {
      const meta = orReject(parseForm(tableSetMetaSchema, form, formText(locals.locale)));
      const name = String(form.get('practice') ?? '');
      const set = name ? await practiceTables(locals.app.config.contentDir, name) : null;
      const tables = set
        ? parseTablesJson(toTidyJson(set.tables))
        : parseTablesJson(String(form.get('tables') ?? ''));
      const cohortId = String(form.get('cohortId') ?? '');
      const { id } = await publishTableSet(locals.app, actor, cohortId, { ...meta, tables });
      target = `/cohorts/${cohortId}/observatory/sets/${id}`;
      return { published: id };
    });
    if (target) redirect(303, localizeHref(target));
    return result;
  },
};
