import { attemptPageScript } from '$lib/components/quiz/attempt-page.script';
import type { RequestHandler } from './$types';

/** The attempt page's script (a few KB instead of the SvelteKit client): see attempt-page.script.ts. */
const SOURCE = `(${attemptPageScript.toString()})();\n`;

/** Serves the attempt page script; the same text for every cohort, cached for an hour. */
export const GET: RequestHandler = () =>
  new Response(SOURCE, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    },
  });
