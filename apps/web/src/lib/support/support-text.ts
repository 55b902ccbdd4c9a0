import { m } from '$lib/paraglide/messages';

/** How a question's state reads. */
export function stateLabel(state: 'waiting' | 'answered' | 'closed'): string {
  return state === 'waiting'
    ? m.support_state_waiting()
    : state === 'answered'
      ? m.support_state_answered()
      : m.support_state_closed();
}

/** How long a question has waited, in whole minutes. */
export function waitingLabel(minutes: number): string {
  return minutes < 1 ? m.support_waiting_now() : m.support_waiting_for({ count: minutes });
}
