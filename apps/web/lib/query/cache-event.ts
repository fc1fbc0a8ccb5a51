import type { ServerEventName, ServerPayload } from '@guftagu/contracts';
import type { LiveCache } from './live-cache';

/** How one server event changes the query cache. Features declare these next to their queries. */
export interface CacheEventBinding<E extends ServerEventName = ServerEventName> {
  event: E;
  apply: (payload: ServerPayload<E>, live: LiveCache) => void;
}

export function onServerEvent<E extends ServerEventName>(
  event: E,
  apply: (payload: ServerPayload<E>, live: LiveCache) => void,
): CacheEventBinding {
  // Widened for the registry list; `event` and `apply` were checked together above.
  return { event, apply } as unknown as CacheEventBinding;
}
