import { requestPasswordReset, resetRequestSchema } from '@labmig/core/accounts';
import { runAction } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const { locals } = event;
    return runAction(event, async (form) => {
      const data = orReject(parseForm(resetRequestSchema, form, formText(locals.locale)));
      // The answer is the same whether or not the address has an account; the link uses ORIGIN, never the Host header.
      await requestPasswordReset(locals.app, data);
      return { sent: true };
    });
  },
};
