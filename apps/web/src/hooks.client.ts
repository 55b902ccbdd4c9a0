import type { ClientInit } from '@sveltejs/kit';
import { keepTyped } from '$lib/keep-typed';

/** Runs when the app starts in the browser, before the server-rendered page hydrates. */
export const init: ClientInit = () => {
  keepTyped();
};
