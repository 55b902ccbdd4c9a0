import type { SubscriptionHandlers } from '../event-bus.ts';
import type { LiveEvent } from '../live-event.ts';

/** Collects what a subscription receives and lets a test wait for it (tests only). */
export function eventCollector() {
  const events: LiveEvent[] = [];
  let resyncs = 0;
  const handlers: SubscriptionHandlers = {
    onEvent: (e) => void events.push(e),
    onResync: () => void resyncs++,
  };
  const until = async (condition: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > end) throw new Error('not received in time');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { events, handlers, until, resyncs: () => resyncs };
}

/** Resolves once the bus receives events from other connections (PostgreSQL: its LISTEN is in place). */
export async function busListening(bus: object): Promise<void> {
  await (bus as { listener?: () => { ready: Promise<void> } | undefined }).listener?.()?.ready;
}
