import type { Subscription, SubscriptionHandlers } from './event-bus.ts';
import { isValidTopic, type LiveEvent } from './live-event.ts';

/** How many recent events a process remembers for `Last-Event-ID` resumption, and for how long. */
export const REPLAY_LIMIT = 2_000;
export const REPLAY_MAX_AGE_MS = 15 * 60_000;

/**
 * The in-process half of every bus: subscribers per topic, and a ring of recent events in arrival order (one
 * order for all topics, so a stream on several topics resumes after one id).
 */
export class EventDispatcher {
  private readonly byTopic = new Map<string, Set<SubscriptionHandlers>>();
  private readonly recent: LiveEvent[] = [];
  private count = 0;

  constructor(private readonly onListenerError: (error: unknown, event: LiveEvent) => void) {}

  subscribe(topics: readonly string[], handlers: SubscriptionHandlers): Subscription {
    for (const topic of topics)
      if (!isValidTopic(topic)) throw new RangeError(`subscribe: invalid topic ${JSON.stringify(topic)}`);
    const unique = [...new Set(topics)];
    for (const topic of unique) {
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(handlers);
    }
    this.count++;
    let open = true;
    return {
      close: () => {
        if (!open) return;
        open = false;
        this.count--;
        for (const topic of unique) {
          const set = this.byTopic.get(topic);
          set?.delete(handlers);
          if (set?.size === 0) this.byTopic.delete(topic);
        }
      },
    };
  }

  /** Remembers the event and hands it to the topic's subscribers (a throwing subscriber never stops the others). */
  dispatch(event: LiveEvent): void {
    this.recent.push(event);
    if (this.recent.length > REPLAY_LIMIT) this.recent.splice(0, this.recent.length - REPLAY_LIMIT);
    for (const handlers of [...(this.byTopic.get(event.topic) ?? [])]) {
      try {
        handlers.onEvent(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }

  /** Tells every subscriber to re-read (events may have been lost). */
  resyncAll(): void {
    for (const set of [...this.byTopic.values()]) for (const handlers of set) handlers.onResync?.();
  }

  replaySince(topics: readonly string[], lastEventId: string, now: number): LiveEvent[] | undefined {
    const index = this.recent.findIndex((e) => e.id === lastEventId);
    if (index < 0) return undefined;
    if (now - Date.parse(this.recent[index]!.at) > REPLAY_MAX_AGE_MS) return undefined;
    const wanted = new Set(topics);
    return this.recent.slice(index + 1).filter((e) => wanted.has(e.topic));
  }

  subscriberCount(): number {
    return this.count;
  }
}
