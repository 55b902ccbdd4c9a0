import type { SubmitFunction } from '@sveltejs/kit';

/**
 * The `use:enhance` submit function every campus form uses: flags the form as pending while the request runs,
 * and keeps what the user typed when the server answers with errors (no form reset), except the fields named in
 * `clearOnFailure` (the sign-in form's password).
 *
 * @example
 * <form method="POST" use:enhance={submitWithPending((p) => (pending = p))}>
 */
export function submitWithPending(
  setPending: (pending: boolean) => void,
  options: { readonly clearOnFailure?: readonly string[] } = {},
): SubmitFunction {
  return ({ formElement }) => {
    setPending(true);
    return async ({ result, update }) => {
      await update({ reset: false });
      // Fields never to keep after a refusal (a wrong password), as the server-rendered page without JS does.
      if (result.type === 'failure')
        for (const name of options.clearOnFailure ?? []) {
          const field = formElement.elements.namedItem(name);
          if (field instanceof HTMLInputElement) field.value = '';
        }
      setPending(false);
    };
  };
}
