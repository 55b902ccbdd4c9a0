import { fail } from '@sveltejs/kit';
import { resetPassword, resetSchema } from '@labmig/core';
import { failWith } from '$lib/server/actions';
import { parseForm } from '$lib/server/forms';
import { deviceTokenOf, setDeviceCookie } from '$lib/server/device-cookie';
import { formText } from '$lib/server/form-text';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const { locals, request, params } = event;
    const form = await request.formData();
    const shape = (data: FormData) => ({ token: params.token, password: data.get('password') ?? '' });
    const parsed = parseForm(resetSchema, form, formText(locals.locale), shape);
    if (!parsed.ok) return fail(400, parsed.failure);
    try {
      const { deviceToken } = await resetPassword(locals.app, parsed.data, {
        deviceToken: deviceTokenOf(event),
      });
      setDeviceCookie(event, deviceToken);
    } catch (error) {
      return failWith(error, {}, locals.locale);
    }
    return { done: true };
  },
};
