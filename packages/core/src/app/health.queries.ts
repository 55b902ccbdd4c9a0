import { countCourses } from '@labmig/db';
import type { App } from './app.ts';

/** Whether the app can serve: the database answers (how fast), and how many courses it holds. */
export interface HealthDto {
  readonly status: 'ok' | 'error';
  readonly database: { readonly kind: 'sqlite' | 'postgres'; readonly ok: boolean; readonly ms?: number };
  readonly courses?: number;
}

/**
 * Liveness and readiness of the app: runs the smallest query. Never throws: a database that does not answer
 * gives `status: 'error'` (logged with `requestId`).
 */
export async function checkHealth(app: App, requestId?: string): Promise<HealthDto> {
  const kind = app.config.database.kind;
  const started = performance.now();
  try {
    const courses = await countCourses(app.db);
    return {
      status: 'ok',
      database: { kind, ok: true, ms: Math.round(performance.now() - started) },
      courses,
    };
  } catch (error) {
    app.logger.error('health check failed', { requestId, error });
    return { status: 'error', database: { kind, ok: false } };
  }
}
