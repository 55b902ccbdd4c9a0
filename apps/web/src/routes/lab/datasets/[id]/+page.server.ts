import { redirect } from '@sveltejs/kit';
import {
  deleteLabDataset,
  getLabDatasetPage,
  importLabMapping,
  mappingJsonSchema,
  rereadLabDataset,
  saveLabMapping,
  shareDatasetSchema,
  shareLabDataset,
  startLabRun,
} from '@labmig/core/lab';
import { runAction, runLoad } from '$lib/server/edge';
import { formText } from '$lib/server/form-text';
import { orReject, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { draftFromForm } from '$lib/server/lab/mapping-form';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A dataset: its variables (labels, types, missing counts, value labels), first rows, the mapping wizard (saved
 * here), the runs. While the file is being read the page follows the reading (SSE, or a reload without JavaScript).
 */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  return runLoad(event, () => getLabDatasetPage(event.locals.app, actor, event.params.id));
};

/** Runs one of the page's forms; failures say which form they belong to. */
function datasetAction<T>(name: string, work: (event: RequestEvent, form: FormData) => Promise<T>) {
  return async (event: RequestEvent) => {
    requireUser(event.locals, event.url);
    return runAction(event, (form) => work(event, form), { extra: () => ({ form: name }) });
  };
}

export const actions: Actions = {
  /** Saves the wizard's mapping. */
  mapping: datasetAction('mapping', async (event, form) => {
    const { locals, params } = event;
    const page = await getLabDatasetPage(locals.app, locals.actor, params.id);
    const draft = draftFromForm(page.mapping?.draft ?? {}, form, page.overview?.codeTables ?? {});
    const unset = await saveLabMapping(locals.app, locals.actor, params.id, draft);
    return { form: 'mapping', saved: true, unset };
  }),

  /** Replaces the mapping by a file saved from the wizard (this dataset's or the last wave's). */
  importMapping: datasetAction('importMapping', async (event, form) => {
    const file = form.get('mappingFile');
    const given = new FormData();
    given.set(
      'mapping',
      file instanceof File && file.size > 0 ? await file.text() : String(form.get('mapping') ?? ''),
    );
    const { mapping } = orReject(parseForm(mappingJsonSchema, given, formText(event.locals.locale)));
    const unset = await importLabMapping(event.locals.app, event.locals.actor, event.params.id, mapping);
    return { form: 'importMapping', saved: true, unset };
  }),

  /** Shares the dataset with a group, or makes it private again. */
  share: datasetAction('share', async (event, form) => {
    const { group } = orReject(parseForm(shareDatasetSchema, form, formText(event.locals.locale)));
    await shareLabDataset(event.locals.app, event.locals.actor, event.params.id, group || null);
    return { form: 'share', saved: true };
  }),

  /** Starts a run with the saved mapping and opens its page. */
  run: datasetAction('run', async (event) => {
    const runId = await startLabRun(event.locals.app, event.locals.actor, event.params.id);
    redirect(303, localizeHref(`/lab/runs/${runId}`));
  }),

  /** Reads the file again after its reading was interrupted (the owner only). */
  reread: datasetAction('reread', async (event) => {
    await rereadLabDataset(event.locals.app, event.locals.actor, event.params.id);
    redirect(303, localizeHref(`/lab/datasets/${event.params.id}`));
  }),

  /** Deletes the dataset, its file, its runs and their tables. */
  delete: datasetAction('delete', async (event) => {
    await deleteLabDataset(event.locals.app, event.locals.actor, event.params.id);
    redirect(303, localizeHref('/lab/datasets'));
  }),
};
