import { friendsCacheEvents } from '@/features/friends/cache-events';
import { messagesCacheEvents } from '@/features/messages/cache-events';
import { notificationsCacheEvents } from '@/features/notifications/cache-events';
import { serversCacheEvents } from '@/features/servers/cache-events';
import { voiceCacheEvents } from '@/features/voice/cache-events';
import type { CacheEventBinding } from './cache-event';

/**
 * Every feature's socket→cache bindings: the one list the bridge subscribes. A new feature adds its
 * `…CacheEvents` array here.
 */
export const CACHE_EVENTS: readonly CacheEventBinding[] = [
  ...messagesCacheEvents,
  ...friendsCacheEvents,
  ...notificationsCacheEvents,
  ...serversCacheEvents,
  ...voiceCacheEvents,
];
