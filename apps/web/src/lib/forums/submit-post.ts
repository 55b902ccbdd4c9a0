import type { SubmitFunction } from '@sveltejs/kit';

/**
 * The `use:enhance` submit function of forms that post text (a reply, a new discussion): flags the form as pending,
 * empties it once the post is saved, and keeps what was typed when the server refuses it (too long, too fast).
 */
export function submitPost(setPending: (pending: boolean) => void): SubmitFunction {
  return () => {
    setPending(true);
    return async ({ result, update, formElement }) => {
      if (result.type === 'success' || result.type === 'redirect') formElement.reset();
      await update({ reset: false });
      setPending(false);
    };
  };
}
