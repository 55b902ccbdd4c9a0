import { json } from '@sveltejs/kit';
import { saveDraft } from '@labmig/core/assignments';
import { runJson } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/**
 * Autosave of the draft text while the learner types (the page's script posts `{ body, version }`). A save from
 * an older version answers 409 with the message, so a second tab or a group member's edit is never overwritten.
 */
export const POST: RequestHandler = async (event) => {
  const { locals, params, request, url } = event;
  const actor = requireUser(locals, url);
  return runJson(event, async () => {
    const input = (await request.json().catch(() => null)) as { body?: unknown; version?: unknown } | null;
    const body = typeof input?.body === 'string' ? input.body : '';
    const version = typeof input?.version === 'number' ? input.version : null;
    const saved = await saveDraft(
      locals.app,
      actor,
      { cohortId: params.id, key: params.key },
      { body, version },
    );
    return json({ version: saved.version, savedAt: saved.savedAt, wordCount: saved.wordCount });
  });
};
