import type { Redis } from 'ioredis';
import { defineModule } from '../../app/module.js';
import type { Database } from '../../platform/db/client.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import { markAllOffline } from '../users/index.js';
import { PresenceService } from './presence.service.js';
import { presenceSocketHandlers } from './presence.socket.js';
import { MemoryPresenceStore, type PresenceStore, RedisPresenceStore } from './presence.store.js';

export function createPresenceModule(deps: {
  db: Database;
  publisher: RealtimePublisher;
  /** With Redis, presence is shared by every node; without it, this node is the only one. */
  redis: { client: Redis; prefix: string } | undefined;
  nodeId: string;
  friendIds: (userId: string) => Promise<string[]>;
  logger: Logger;
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
    },
    // Closing the sockets starts presence writes; they must land before the pool closes.
    stop: () => presence.drain(),
  });
}
