import type { SocketModule } from '../../realtime/socket-module.js';
import { toSelfUser } from '../users/index.js';
import type { PresenceService } from './presence.service.js';

export function presenceSocketHandlers(presence: PresenceService): SocketModule {
  return ({ handle }) => {
    handle('update_status', async (userId, { status, customStatus }) => ({
      user: toSelfUser(await presence.updateStatus(userId, status, customStatus)),
    }));
  };
}
