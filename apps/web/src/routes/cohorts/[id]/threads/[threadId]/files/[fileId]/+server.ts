import { openStoredFile } from '@labmig/core/files';
import { findReadableAttachment } from '@labmig/core/forums';
import { error } from '@sveltejs/kit';
import { runLoad } from '$lib/server/edge';
import { fileResponse } from '$lib/server/file-response';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/**
 * A post's attachment: only through a discussion and post the reader may see (another group's, a Q&A reply before
 * the reader posted, a removed post: 404). Images and PDFs open in the browser, sandboxed; the rest downloads.
 */
export const GET: RequestHandler = async (event) => {
  const { locals, params, request, url } = event;
  const actor = requireUser(locals, url);
  const fileId = await runLoad(event, () =>
    findReadableAttachment(locals.app, actor, params.id, params.threadId, params.fileId),
  );
  const opened = await openStoredFile(locals.app, fileId);
  if (!opened) error(404);
  return fileResponse(opened.file, opened.read, request, { inline: true });
};
