import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Liveness and readiness: 200 with `{ status: 'ok' }` when the database answers, 503 otherwise.
 * (core has no health query yet, so this runs the smallest typed query on the courses table.)
 */
export const GET: RequestHandler = async ({ locals }) => {
  const started = performance.now();
  try {
    const row = await locals.app.db
      .selectFrom('courses')
      .select((eb) => eb.fn.countAll<number>().as('courses'))
      .executeTakeFirst();
    return json(
      {
        status: 'ok',
        database: {
          kind: locals.app.config.database.kind,
          ok: true,
          ms: Math.round(performance.now() - started),
        },
        courses: Number(row?.courses ?? 0),
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    locals.app.logger.error('health check failed', { requestId: locals.requestId, error });
    return json(
      { status: 'error', database: { kind: locals.app.config.database.kind, ok: false } },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    );
  }
};
