import { openSubmissionFile } from '@labmig/core/assignments';
import { runLoad } from '$lib/server/edge';
import { fileResponse } from '$lib/server/file-response';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/**
 * A file of a submission or a feedback file, streamed from storage. Core decides who may read it (the work's
 * learner or group, staff; feedback files once their grade is released); anyone else gets "not found".
 */
export const GET: RequestHandler = async (event) => {
  const { locals, params, request, url } = event;
  const actor = requireUser(locals, url);
  const opened = await runLoad(event, () =>
    openSubmissionFile(locals.app, actor, { cohortId: params.id, fileId: params.fileId }),
  );
  return fileResponse(opened.file, (range) => opened.read(range), request, { inline: true });
};
