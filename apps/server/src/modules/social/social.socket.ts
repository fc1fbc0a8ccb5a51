import type { SocketModule } from '../../realtime/socket-module.js';
import type { SocialService, TargetRef } from './social.service.js';

/** Seed 000's friend events: the same service calls as the REST routes, acknowledged with the result. */
export function socialSocketHandlers(social: SocialService): SocketModule {
  return ({ handle }) => {
    handle('send_friend_request', async (userId, payload) => {
      const target: TargetRef = payload.toUserId
        ? { id: payload.toUserId }
        : payload.toUsername
          ? { username: payload.toUsername }
          : { publicId: payload.toUserId7Digit ?? '' };
      return social.sendRequest(userId, target, payload.message);
    });
    handle('accept_friend_request', async (userId, { requestId }) => ({
      friend: (await social.accept(userId, requestId)).friend,
    }));
    handle('reject_friend_request', async (userId, { requestId }) => ({
      request: await social.reject(userId, requestId),
    }));
    handle('cancel_friend_request', async (userId, { requestId }) => ({
      request: await social.cancel(userId, requestId),
    }));
    handle('unfriend', async (userId, { friendId }) => {
      await social.unfriend(userId, friendId);
      return undefined;
    });
    handle('block_user', async (userId, { userId: targetId }) => {
      await social.block(userId, targetId);
      return undefined;
    });
    handle('unblock_user', async (userId, { userId: targetId }) => {
      await social.unblock(userId, targetId);
      return undefined;
    });
  };
}
