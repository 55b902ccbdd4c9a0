import { json } from '@sveltejs/kit';
import { checkHealth } from '@labmig/core/app';
import type { RequestHandler } from './$types';

/** Liveness and readiness: 200 with `{ status: 'ok' }` when core's health check passes, 503 otherwise. */
export const GET: RequestHandler = async ({ locals }) => {
  const health = await checkHealth(locals.app, locals.requestId);
  return json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
};
