import { defineModule } from '../../app/module.js';
import type { Database } from '../../platform/db/client.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import type { NotificationsService } from '../notifications/index.js';
import { findUserById, findUserByPublicId, findUserByUsername } from '../users/index.js';
import { registerSocialRoutes } from './social.http.js';
import { SocialService } from './social.service.js';
import { socialSocketHandlers } from './social.socket.js';

export function createSocialModule(deps: {
  db: Database;
  publisher: RealtimePublisher;
  notifications: NotificationsService;
  maxFriends: number;
  logger: Logger;
}) {
  const { db } = deps;
  const social = new SocialService({
    ...deps,
    findUser: (ref) =>
      'id' in ref
        ? findUserById(db, ref.id)
        : 'username' in ref
          ? findUserByUsername(db, ref.username)
          : findUserByPublicId(db, ref.publicId),
  });
  return defineModule({
    name: 'social',
    api: social,
    routes: (app, guard) => registerSocialRoutes(app, social, guard),
    socket: socialSocketHandlers(social),
  });
}
