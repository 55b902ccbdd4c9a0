import { getProfile, setReminders } from '@labmig/core/accounts';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const profile = await runLoad(event, () => getProfile(event.locals.app, actor));
  return { enabled: profile.remindersEnabled };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, url } = event;
    const actor = requireUser(locals, url);
    return runAction(event, async (form) => {
      const { enabled } = await setReminders(locals.app, actor, form.get('reminders') === 'on', {
        requestId: locals.requestId,
      });
      return { saved: enabled ? 'on' : 'off' };
    });
  },
};
