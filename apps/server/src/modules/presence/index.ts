export { createPresenceModule } from './presence.module.js';
export { PresenceService } from './presence.service.js';
export { presenceSocketHandlers } from './presence.socket.js';
export type { PresenceStore } from './presence.store.js';
export { MemoryPresenceStore, RedisPresenceStore } from './presence.store.js';
