import type { Redis } from 'ioredis';
import { defineModule } from '../../app/module.js';
import type { Database } from '../../platform/db/client.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import { markAllOffline } from '../users/index.js';
import { PresenceService } from './presence.service.js';
import { presenceSocketHandlers } from './presence.socket.js';
import { MemoryPresenceStore, type PresenceStore, RedisPresenceStore } from './presence.store.js';

/**
 * A node's liveness key lives 30 s after its last refresh (RedisOnlineCounter), so a crashed node's
 * users are offline within about 35 s.
 */
export const PRESENCE_SWEEP_MS = 5_000;

export function createPresenceModule(deps: {
  db: Database;
  publisher: RealtimePublisher;
  /** With Redis, presence is shared by every node; without it, this node is the only one. */
  redis: { client: Redis; prefix: string } | undefined;
  nodeId: string;
  friendIds: (userId: string) => Promise<string[]>;
  logger: Logger;
  /** How often this node looks for users of dead nodes (with Redis); PRESENCE_SWEEP_MS by default. */
  sweepIntervalMs?: number;
}) {
  const store: PresenceStore = deps.redis
    ? new RedisPresenceStore(
        deps.redis.client,
        deps.redis.prefix,
        deps.nodeId,
        `${deps.redis.prefix}:online:alive:`,
      )
    : new MemoryPresenceStore();
  const presence = new PresenceService(deps.db, store, deps.publisher, deps.friendIds, deps.logger);
  let sweeper: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> = Promise.resolve();
  return defineModule({
    name: 'presence',
    api: presence,
    socket: presenceSocketHandlers(presence),
    lifecycle: {
      bound: (userId, socketId) => presence.bound(userId, socketId),
      unbound: (userId, socketId) => presence.unbound(userId, socketId),
      touched: (userId) => presence.touched(userId),
    },
    async start() {
      // A single node that starts has no sockets: whoever the last run left online is not.
      if (!deps.redis) await markAllOffline(deps.db);
      else {
        // Every node sweeps; the store hands each user of a dead node to one of them only.
        let busy = false;
        sweeper = setInterval(() => {
          // A slow sweep (a large Redis) is never overlapped by the next one.
          if (busy) return;
          busy = true;
          sweeping = presence
            .sweepDeadNodes()
            .catch((error: unknown) => deps.logger.warn({ err: error }, 'presence sweep failed'))
            .finally(() => {
              busy = false;
            });
        }, deps.sweepIntervalMs ?? PRESENCE_SWEEP_MS);
        sweeper.unref();
      }
    },
    // Closing the sockets starts presence writes; they must land before the pool closes.
    async stop() {
      clearInterval(sweeper);
      await sweeping;
      await presence.drain();
    },
  });
}
