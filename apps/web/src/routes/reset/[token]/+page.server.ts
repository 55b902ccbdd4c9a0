import { ACCOUNT_LIMITS, resetPassword, resetSchema } from '@labmig/core/accounts';
import { runAction } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { deviceTokenOf, setDeviceCookie } from '$lib/server/device-cookie';
import { formText } from '$lib/server/form-text';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ passwordMin: ACCOUNT_LIMITS.passwordMin });

export const actions: Actions = {
  default: async (event) => {
    const { locals, params } = event;
    return runAction(
      event,
      async (form) => {
        const shape = (data: FormData) => ({ token: params.token, password: data.get('password') ?? '' });
        // The browser that reset the password becomes a known device: others' failures do not hold it up.
        const { deviceToken } = await resetPassword(
          locals.app,
          orReject(parseForm(resetSchema, form, formText(locals.locale), shape)),
          { deviceToken: deviceTokenOf(event) },
        );
        setDeviceCookie(event, deviceToken);
        return { done: true };
      },
      { values: () => ({}) },
    );
  },
};
