import {
  ZChannelMessageParam,
  ZChannelMessageResponse,
  ZChannelMessagesParam,
  ZChannelMessagesQuery,
  ZChannelMessagesResponse,
  ZChannelOkResponse,
  ZChannelPinsResponse,
  ZChannelReactionParam,
  ZChannelReadResponse,
  ZChannelSearchQuery,
  ZChannelSearchResponse,
  ZEditChannelMessageBody,
  ZMarkChannelRead,
  ZSendChannelMessage,
  ZSendChannelMessageResponse,
  ZServerMessagesParam,
  ZServerUnreadResponse,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { ChannelMessages } from './channel-messages.module.js';

/**
 * Seed 001's `/api/channels/:channelId/messages` plus what issue 10 adds around it. Seed 000 owns
 * `/api/messages/*` (DMs), so edit and delete live under the channel.
 */
export function registerChannelMessageRoutes(
  app: FastifyInstance,
  channels: ChannelMessages,
  guard: AuthGuard,
): void {
  const route = apiRoutes(app, guard);
  const tag = 'channel messages';

  route({
    method: 'GET',
    url: '/api/channels/:channelId/messages',
    summary: "A page of a channel's messages (cursor before, after or around a message id)",
    tag,
    auth: 'required',
    params: ZChannelMessagesParam,
    query: ZChannelMessagesQuery,
    response: ZChannelMessagesResponse,
  })(async ({ viewer, params, query }) => ({
    success: true,
    ...(await channels.history.list(viewer.user.id, params.channelId, query)),
  }));

  route({
    method: 'POST',
    url: '/api/channels/:channelId/messages',
    summary: 'Send a message to a channel (idempotent per nonce)',
    tag,
    auth: 'required',
    params: ZChannelMessagesParam,
    body: ZSendChannelMessage,
    response: ZSendChannelMessageResponse,
    status: 201,
  })(async ({ viewer, params, body }) => ({
    success: true,
    ...(await channels.sending.send(viewer.user.id, { ...body, channelId: params.channelId })),
  }));

  route({
    method: 'PUT',
    url: '/api/channels/:channelId/messages/:messageId',
    summary: 'Edit your own message',
    tag,
    auth: 'required',
    params: ZChannelMessageParam,
    body: ZEditChannelMessageBody,
    response: ZChannelMessageResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    message: await channels.actions.edit(viewer.user.id, params.messageId, body.content, params.channelId),
  }));

  route({
    method: 'DELETE',
    url: '/api/channels/:channelId/messages/:messageId',
    summary: 'Delete your message, or anyone’s with Manage Messages',
    tag,
    auth: 'required',
    params: ZChannelMessageParam,
    response: ZChannelOkResponse,
  })(async ({ viewer, params }) => {
    await channels.actions.delete(viewer.user.id, params.messageId, params.channelId);
    return { success: true };
  });

  route({
    method: 'PUT',
    url: '/api/channels/:channelId/messages/:messageId/reactions/:emoji',
    summary: 'React to a message with an emoji (one per emoji per user)',
    tag,
    auth: 'required',
    params: ZChannelReactionParam,
    response: ZChannelMessageResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    message: await channels.actions.react(
      viewer.user.id,
      params.messageId,
      params.emoji,
      true,
      params.channelId,
    ),
  }));

  route({
    method: 'DELETE',
    url: '/api/channels/:channelId/messages/:messageId/reactions/:emoji',
    summary: 'Remove your reaction',
    tag,
    auth: 'required',
    params: ZChannelReactionParam,
    response: ZChannelMessageResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    message: await channels.actions.react(
      viewer.user.id,
      params.messageId,
      params.emoji,
      false,
      params.channelId,
    ),
  }));

  route({
    method: 'GET',
    url: '/api/channels/:channelId/pins',
    summary: "A channel's pinned messages, most recently pinned first",
    tag,
    auth: 'required',
    params: ZChannelMessagesParam,
    response: ZChannelPinsResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    messages: await channels.history.pins(viewer.user.id, params.channelId),
  }));

  route({
    method: 'PUT',
    url: '/api/channels/:channelId/pins/:messageId',
    summary: 'Pin a message (Manage Messages)',
    tag,
    auth: 'required',
    params: ZChannelMessageParam,
    response: ZChannelMessageResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    message: await channels.actions.setPinned(viewer.user.id, params.messageId, true, params.channelId),
  }));

  route({
    method: 'DELETE',
    url: '/api/channels/:channelId/pins/:messageId',
    summary: 'Unpin a message (Manage Messages)',
    tag,
    auth: 'required',
    params: ZChannelMessageParam,
    response: ZChannelMessageResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    message: await channels.actions.setPinned(viewer.user.id, params.messageId, false, params.channelId),
  }));

  route({
    method: 'PUT',
    url: '/api/channels/:channelId/read',
    summary: 'Move your read position in a channel forward (never backwards)',
    tag,
    auth: 'required',
    params: ZChannelMessagesParam,
    body: ZMarkChannelRead,
    response: ZChannelReadResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    state: await channels.reads.markRead(viewer.user.id, params.channelId, body.messageId),
  }));

  route({
    method: 'GET',
    url: '/api/servers/:serverId/unread',
    summary: 'Unread and mention counts of every channel of a server you may read',
    tag,
    auth: 'required',
    params: ZServerMessagesParam,
    response: ZServerUnreadResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    ...(await channels.reads.serverUnread(viewer.user.id, params.serverId)),
  }));

  route({
    method: 'GET',
    url: '/api/servers/:serverId/search',
    summary: 'Full-text search in the channels of a server you may read',
    tag,
    auth: 'required',
    params: ZServerMessagesParam,
    query: ZChannelSearchQuery,
    response: ZChannelSearchResponse,
  })(async ({ viewer, params, query }) => ({
    success: true,
    results: await channels.search.search(viewer.user.id, params.serverId, query),
  }));
}
