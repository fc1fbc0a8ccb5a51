export { createPresenceModule } from './presence.module.js';
export type { PresenceChange, PresenceService } from './presence.service.js';
