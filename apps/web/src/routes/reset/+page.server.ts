import { fail } from '@sveltejs/kit';
import { requestPasswordReset, resetRequestSchema } from '@labmig/core';
import { parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const form = await request.formData();
    const parsed = parseForm(resetRequestSchema, form, formText(locals.locale));
    if (!parsed.ok) return fail(400, parsed.failure);
    // The answer is the same whether or not the address has an account; the link uses ORIGIN, never the Host header.
    await requestPasswordReset(locals.app, parsed.data);
    return { sent: true };
  },
};
