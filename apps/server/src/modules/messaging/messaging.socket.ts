import { isAppError } from '../../platform/errors.js';
import type { SocketModule } from '../../realtime/socket-module.js';
import type { Messaging } from './messaging.module.js';

/**
 * Seed 000's DIRECT MESSAGING events. Each handler calls one service function; the ack carries the
 * result or the error envelope. A failed `dm_send` is also reported as `dm_error` (seed 000), so a
 * client that sent without an ack still learns that its message did not go out.
 */
export function messagingSocketHandlers(messaging: Messaging): SocketModule {
  return ({ handle }) => {
    handle('dm_send', async (userId, payload, socket) => {
      try {
        return await messaging.sending.send(userId, payload);
      } catch (error) {
        if (isAppError(error)) {
          socket.emit('dm_error', {
            error: error.message,
            code: error.code,
            originalMessage: payload.message ?? '',
            nonce: payload.nonce,
            to: payload.to,
          });
        }
        throw error;
      }
    });
    handle('dm_mark_delivered', async (userId, { messageIds }) => ({
      messageIds: await messaging.receipts.markDelivered(userId, messageIds),
    }));
    handle('dm_mark_read', async (userId, payload) => messaging.receipts.markRead(userId, payload));

    handle('dm_typing_start', async (userId, { to }, socket) => {
      await messaging.setTyping(userId, to, true, socket.id);
      return undefined;
    });
    handle('dm_typing_stop', async (userId, { to }, socket) => {
      await messaging.setTyping(userId, to, false, socket.id);
      return undefined;
    });
    handle('dm_edit', async (userId, { messageId, message }) => ({
      message: await messaging.actions.edit(userId, messageId, message),
    }));
    handle('dm_delete', async (userId, { messageId, scope }) => {
      await messaging.actions.delete(userId, messageId, scope);
      return undefined;
    });
    handle('dm_react', async (userId, { messageId, emoji }) => ({
      message: await messaging.actions.react(userId, messageId, emoji, true),
    }));
    handle('dm_unreact', async (userId, { messageId, emoji }) => ({
      message: await messaging.actions.react(userId, messageId, emoji, false),
    }));
    handle('dm_viewing', async (userId, { userId: otherUserId }, socket) => {
      await messaging.live.setViewing(userId, socket.id, otherUserId);
      return undefined;
    });
    handle('dm_sync', async (userId, payload) => messaging.history.sync(userId, payload));
    handle('dm_request_accept', async (userId, { userId: requesterId }) => ({
      conversation: await messaging.conversations.answerRequest(userId, requesterId, true),
    }));
    handle('dm_request_reject', async (userId, { userId: requesterId }) => ({
      conversation: await messaging.conversations.answerRequest(userId, requesterId, false),
    }));
  };
}
