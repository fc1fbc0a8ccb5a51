import type { SocketModule } from '../../realtime/socket-module.js';
import type { ChannelMessages } from './channel-messages.module.js';

/**
 * Seed 001's Channel and Messaging events (snake_case) plus reactions, pins, read state and the
 * reconnect catch-up. Each handler calls one service function; the ack carries the result or the
 * error envelope. The user id always comes from the session.
 */
export function channelMessageSocketHandlers(channels: ChannelMessages): SocketModule {
  return ({ handle }) => {
    handle('join_channel', async (userId, channelId, socket) => {
      await channels.joinChannel(userId, channelId, socket.id);
      socket.emit('channel_joined', { channelId });
      return { channelId };
    });
    handle('leave_channel', async (_userId, channelId, socket) => {
      channels.leaveChannel(channelId, socket.id);
      socket.emit('channel_left', { channelId });
      return { channelId };
    });
    handle('send_message', async (userId, payload) => channels.sending.send(userId, payload));
    handle('typing', async (userId, { channelId }, socket) => {
      await channels.setTyping(userId, channelId, true, socket);
      return undefined;
    });
    handle('stop_typing', async (userId, { channelId }, socket) => {
      await channels.setTyping(userId, channelId, false, socket);
      return undefined;
    });
    handle('edit_message', async (userId, { messageId, newContent }) => ({
      message: await channels.actions.edit(userId, messageId, newContent),
    }));
    handle('delete_message', async (userId, { messageId }) => {
      await channels.actions.delete(userId, messageId);
      return { messageId };
    });
    handle('add_reaction', async (userId, { messageId, emoji }) => ({
      message: await channels.actions.react(userId, messageId, emoji, true),
    }));
    handle('remove_reaction', async (userId, { messageId, emoji }) => ({
      message: await channels.actions.react(userId, messageId, emoji, false),
    }));
    handle('pin_message', async (userId, { messageId }) => ({
      message: await channels.actions.setPinned(userId, messageId, true),
    }));
    handle('unpin_message', async (userId, { messageId }) => ({
      message: await channels.actions.setPinned(userId, messageId, false),
    }));
    handle('mark_channel_read', async (userId, { channelId, messageId }) => ({
      state: await channels.reads.markRead(userId, channelId, messageId),
    }));
    handle('channel_sync', async (userId, payload) => channels.history.sync(userId, payload));
  };
}
