import type { LayoutServerLoad } from './$types';

/** Gives every page the signed-in user's name and admin flag (never more of the session). */
export const load: LayoutServerLoad = ({ locals }) => {
  const actor = locals.actor;
  return {
    user: actor.kind === 'user' ? { name: actor.name, isAdmin: actor.isAdmin } : null,
  };
};
