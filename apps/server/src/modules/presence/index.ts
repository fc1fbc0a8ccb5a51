export { createPresenceModule } from './presence.module.js';
export type { PresenceService } from './presence.service.js';
