import type { SubmitFunction } from '@sveltejs/kit';

/**
 * The `use:enhance` submit function every campus form uses: flags the form as pending while the request runs,
 * and keeps what the user typed when the server answers with errors (no form reset).
 *
 * @example
 * <form method="POST" use:enhance={submitWithPending((p) => (pending = p))}>
 */
export function submitWithPending(setPending: (pending: boolean) => void): SubmitFunction {
  return () => {
    setPending(true);
    return async ({ update }) => {
      await update({ reset: false });
      setPending(false);
    };
  };
}
