import { CHANNEL_TYPING_TTL_MS } from '@guftagu/contracts';
import { onServerEvent } from '@/lib/query/cache-event';
import { forgetUnsyncedLogs } from './channel-sync';
import {
  changeEveryLog,
  changeLog,
  channelKeys,
  readStateRemoved,
  readStateSet,
  refreshUnread,
  typingSet,
} from './message-queries';
import { pinAdded, pinEdited, pinRemoved } from './pins';
import {
  channelRemoved,
  channelsMoved,
  channelUpserted,
  detailServer,
  forgetServer,
  type MemberList,
  memberPresence,
  memberRemoved,
  memberUpserted,
  roleRemoved,
  rolesMoved,
  roleUpserted,
  type ServerDetail,
  serversKeys,
  serverUpserted,
} from './queries';

/**
 * How communities' socket events change the cached rail, server details and member lists. The server
 * sends channel events only to members who may see the channel, and sends `channel_created` /
 * `channel_deleted` when a permission change shows or hides one, so the sidebar follows permissions
 * live without knowing why.
 */
export const serversCacheEvents = [
  onServerEvent('authenticated', (_event, live) => {
    // Membership and permissions may have changed while this socket was away.
    void live.client.invalidateQueries({ queryKey: serversKeys.all });
    forgetUnsyncedLogs(live);
  }),
  onServerEvent('server_joined', ({ server }, live) => {
    live.apply(serversKeys.list(), serverUpserted(server));
  }),
  onServerEvent('server_updated', ({ server }, live) => {
    live.apply(serversKeys.list(), serverUpserted(server));
    live.apply(serversKeys.detail(server.id), detailServer(server));
  }),
  onServerEvent('server_deleted', ({ serverId }, live) => forgetServer(live, serverId)),
  onServerEvent('channel_created', ({ channel }, live) => {
    live.apply(serversKeys.detail(channel.serverId), channelUpserted(channel));
  }),
  onServerEvent('channel_updated', ({ channel }, live) => {
    live.apply(serversKeys.detail(channel.serverId), channelUpserted(channel));
  }),
  onServerEvent('channel_deleted', ({ serverId, channelId }, live) => {
    live.apply(serversKeys.detail(serverId), channelRemoved(channelId));
    live.apply(channelKeys.unread(serverId), readStateRemoved(channelId));
    // Whatever this tab held of it must not show again if the channel comes back into view later.
    live.client.removeQueries({ queryKey: channelKeys.log(channelId), type: 'inactive' });
  }),
  onServerEvent('channels_reordered', ({ serverId, channels }, live) => {
    live.apply(serversKeys.detail(serverId), channelsMoved(channels));
  }),
  onServerEvent('member_joined', ({ serverId, member }, live) => {
    live.apply(serversKeys.members(serverId), memberUpserted(member));
    void live.client.invalidateQueries({ queryKey: serversKeys.list() });
  }),
  onServerEvent('member_updated', ({ serverId, member }, live) => {
    live.apply(serversKeys.members(serverId), memberUpserted(member));
    // If it was me, my roles (and so my permissions) changed: my standing comes from the server.
    void live.client.invalidateQueries({ queryKey: serversKeys.detail(serverId) });
  }),
  onServerEvent('member_left', ({ serverId, userId }, live) => {
    live.apply(serversKeys.members(serverId), memberRemoved(userId));
    void live.client.invalidateQueries({ queryKey: serversKeys.list() });
  }),
  onServerEvent('role_created', ({ serverId, role }, live) => {
    live.apply<ServerDetail>(serversKeys.detail(serverId), roleUpserted(role));
    live.apply<MemberList>(serversKeys.members(serverId), roleUpserted(role));
  }),
  onServerEvent('role_updated', ({ serverId, role }, live) => {
    live.apply<ServerDetail>(serversKeys.detail(serverId), roleUpserted(role));
    live.apply<MemberList>(serversKeys.members(serverId), roleUpserted(role));
    // A role I hold may have gained or lost flags.
    void live.client.invalidateQueries({ queryKey: serversKeys.detail(serverId) });
  }),
  onServerEvent('role_deleted', ({ serverId, roleId }, live) => {
    live.apply<ServerDetail>(serversKeys.detail(serverId), roleRemoved(roleId));
    live.apply<MemberList>(serversKeys.members(serverId), roleRemoved(roleId));
    void live.client.invalidateQueries({ queryKey: serversKeys.detail(serverId) });
  }),
  onServerEvent('roles_reordered', ({ serverId, roles }, live) => {
    live.apply<ServerDetail>(serversKeys.detail(serverId), rolesMoved(roles));
    live.apply<MemberList>(serversKeys.members(serverId), rolesMoved(roles));
  }),
  // ---- channel messages ----
  onServerEvent('new_message', (message, live) => {
    changeLog(live, message.channelId, { type: 'upsert', messages: [message] });
    live.apply(channelKeys.typing(message.channelId), typingSet(message.user._id, null));
    refreshUnread(live, message.serverId);
  }),
  onServerEvent('message_edited', ({ messageId, newContent, editedAt }, live) => {
    changeEveryLog(live, { type: 'edited', messageId, content: newContent, editedAt });
    live.apply(channelKeys.pinLists(), pinEdited(messageId, newContent, editedAt));
  }),
  onServerEvent('message_deleted', ({ messageId }, live) => {
    changeEveryLog(live, { type: 'deleted', messageIds: [messageId] });
    live.apply(channelKeys.pinLists(), pinRemoved(messageId));
  }),
  onServerEvent('reaction_added', ({ messageId, channelId, emoji, userId, count }, live) => {
    changeLog(live, channelId, { type: 'reaction', messageId, emoji, userId, count, added: true, me: null });
  }),
  onServerEvent('reaction_removed', ({ messageId, channelId, emoji, userId, count }, live) => {
    changeLog(live, channelId, { type: 'reaction', messageId, emoji, userId, count, added: false, me: null });
  }),
  onServerEvent('message_pinned', ({ messageId, channelId, message }, live) => {
    changeLog(live, channelId, { type: 'pinned', messageId, pinned: true });
    if (message) live.apply(channelKeys.pins(channelId), pinAdded(message));
    else void live.client.invalidateQueries({ queryKey: channelKeys.pins(channelId) });
  }),
  onServerEvent('message_unpinned', ({ messageId, channelId }, live) => {
    changeLog(live, channelId, { type: 'pinned', messageId, pinned: false });
    live.apply(channelKeys.pins(channelId), pinRemoved(messageId));
  }),
  onServerEvent('channel_read_update', ({ serverId, ...state }, live) => {
    live.apply(channelKeys.unread(serverId), readStateSet(state));
  }),
  onServerEvent('user_typing', ({ userId, username, channelId, expiresInMs }, live) => {
    const until = Date.now() + (expiresInMs ?? CHANNEL_TYPING_TTL_MS);
    live.apply(channelKeys.typing(channelId), typingSet(userId, { username, until }));
  }),
  onServerEvent('user_stop_typing', ({ userId, channelId }, live) => {
    live.apply(channelKeys.typing(channelId), typingSet(userId, null));
  }),
  // Every member's presence, per server (friends' presence below arrives too, and agrees).
  onServerEvent('member_presence', ({ serverId, userId, isOnline, status }, live) => {
    live.apply(serversKeys.members(serverId), memberPresence(userId, isOnline, status));
  }),
  onServerEvent('friend_online', ({ friendId, status }, live) => {
    live.apply(serversKeys.memberLists(), memberPresence(friendId, true, status));
  }),
  onServerEvent('friend_offline', ({ friendId }, live) => {
    live.apply(serversKeys.memberLists(), memberPresence(friendId, false));
  }),
];
