import { fail, redirect } from '@sveltejs/kit';
import { isDomainError } from '@labmig/core/errors';
import { discardUploadBatch } from '@labmig/core/files';
import {
  createPracticeDataset,
  createUploadedDataset,
  getLabHome,
  pickPracticeSchema,
  prepareLabUpload,
} from '@labmig/core/lab';
import { runAction, runLoad, statusOf } from '$lib/server/edge';
import { formText } from '$lib/server/form-text';
import { orReject, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { receiveUploads } from '$lib/server/uploads';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** The Lab on the server: the person's datasets and those shared with their groups, upload, practice datasets. */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  return runLoad(event, () => getLabHome(event.locals.app, actor));
};

export const actions: Actions = {
  /**
   * Streams one data file (multipart, field `file`) into storage under the person's limits (checked first: a person
   * at their limit is told so before any byte is stored), checked by content; then keeps it as a dataset and opens
   * its page, where it is read in the background.
   */
  upload: async (event) => {
    const { locals, request } = event;
    const actor = requireUser(locals, event.url);
    let rule;
    try {
      rule = await prepareLabUpload(locals.app, actor);
    } catch (caught) {
      if (!isDomainError(caught)) throw caught;
      return fail(statusOf(caught), {
        form: 'upload',
        message: caught.localize(locals.locale),
        code: caught.code,
      });
    }
    if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data'))
      return fail(400, {
        form: 'upload',
        message: 'multipart/form-data expected',
        code: 'validation.invalid',
      });
    const received = await receiveUploads(locals.app, request, {
      purpose: 'lab-dataset',
      ownerId: actor.userId,
      fileField: 'file',
      rule,
    });
    if (received.error) {
      const message = received.error.localize(locals.locale);
      return fail(400, { form: 'upload', message, code: received.error.code });
    }
    const file = received.files[0];
    if (!file) {
      const message = m.lab_server_choose_file({}, { locale: locals.locale });
      return fail(400, { form: 'upload', message, code: 'file.empty' });
    }
    let id: string;
    try {
      id = await createUploadedDataset(locals.app, actor, file);
    } catch (caught) {
      await discardUploadBatch(locals.app, { purpose: 'lab-dataset', files: [file], bytes: file.size });
      if (!isDomainError(caught)) throw caught;
      return fail(statusOf(caught), {
        form: 'upload',
        message: caught.localize(locals.locale),
        code: caught.code,
      });
    }
    redirect(303, localizeHref(`/lab/datasets/${id}`));
  },

  /** Adds a practice dataset (synthetic) with its saved mapping. */
  practice: async (event) => {
    const actor = requireUser(event.locals, event.url);
    const result = await runAction(
      event,
      async (form) => {
        const { practice } = orReject(parseForm(pickPracticeSchema, form, formText(event.locals.locale)));
        return createPracticeDataset(event.locals.app, actor, practice);
      },
      { extra: () => ({ form: 'practice' }) },
    );
    if (typeof result === 'string') redirect(303, localizeHref(`/lab/datasets/${result}`));
    return result;
  },
};
