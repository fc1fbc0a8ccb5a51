import {
  ZConversationsQuery,
  ZConversationsResponse,
  ZDeleteDmQuery,
  ZDmConversationResponse,
  ZDmMessageParam,
  ZDmMessageResponse,
  ZDmSearchQuery,
  ZDmSearchResponse,
  ZDmSync,
  ZDmSyncResponse,
  ZDmUnreadResponse,
  ZDmUserParam,
  ZEditDmBody,
  ZMarkDmRead,
  ZMarkDmReadResponse,
  ZMessagesQuery,
  ZMessagesResponse,
  ZOkResponse,
  ZReactDmBody,
  ZSendDm,
  ZSendDmResponse,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { Messaging } from './messaging.module.js';

/**
 * Seed 000's `/api/messages/*` plus the REST twins of the seed 004 socket actions. Static paths are
 * registered before `/:userId`; Fastify prefers static segments anyway.
 */
export function registerMessagingRoutes(app: FastifyInstance, messaging: Messaging, guard: AuthGuard): void {
  const route = apiRoutes(app, guard);

  route({
    method: 'POST',
    url: '/api/messages/send',
    summary: 'Send a direct message (idempotent per nonce)',
    tag: 'messages',
    auth: 'required',
    body: ZSendDm,
    response: ZSendDmResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    ...(await messaging.sending.send(viewer.user.id, body)),
  }));

  route({
    method: 'GET',
    url: '/api/messages/conversations',
    summary: 'Your conversations, newest first (inbox, archived or requests)',
    tag: 'messages',
    auth: 'required',
    query: ZConversationsQuery,
    response: ZConversationsResponse,
  })(async ({ viewer, query }) => ({
    success: true,
    ...(await messaging.conversations.list(viewer.user.id, query)),
  }));

  route({
    method: 'POST',
    url: '/api/messages/conversations/:userId/archive',
    summary: 'Archive the conversation with a user',
    tag: 'messages',
    auth: 'required',
    params: ZDmUserParam,
    response: ZDmConversationResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    conversation: await messaging.conversations.setArchived(viewer.user.id, params.userId, true),
  }));

  route({
    method: 'DELETE',
    url: '/api/messages/conversations/:userId/archive',
    summary: 'Unarchive the conversation with a user',
    tag: 'messages',
    auth: 'required',
    params: ZDmUserParam,
    response: ZDmConversationResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    conversation: await messaging.conversations.setArchived(viewer.user.id, params.userId, false),
  }));

  route({
    method: 'POST',
    url: '/api/messages/requests/:userId/accept',
    summary: 'Accept a message request',
    tag: 'messages',
    auth: 'required',
    params: ZDmUserParam,
    response: ZDmConversationResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    conversation: await messaging.conversations.answerRequest(viewer.user.id, params.userId, true),
  }));

  route({
    method: 'POST',
    url: '/api/messages/requests/:userId/reject',
    summary: 'Reject a message request',
    tag: 'messages',
    auth: 'required',
    params: ZDmUserParam,
    response: ZDmConversationResponse,
  })(async ({ viewer, params }) => ({
    success: true,
    conversation: await messaging.conversations.answerRequest(viewer.user.id, params.userId, false),
  }));

  route({
    method: 'GET',
    url: '/api/messages/unread',
    summary: 'Unread direct messages, in total and per user',
    tag: 'messages',
    auth: 'required',
    response: ZDmUnreadResponse,
  })(async ({ viewer }) => ({
    success: true,
    ...(await messaging.conversations.unread(viewer.user.id)),
  }));

  route({
    method: 'GET',
    url: '/api/messages/search',
    summary: 'Full-text search in your own conversations',
    tag: 'messages',
    auth: 'required',
    query: ZDmSearchQuery,
    response: ZDmSearchResponse,
  })(async ({ viewer, query }) => ({
    success: true,
    results: await messaging.search.search(viewer.user.id, query),
  }));

  route({
    method: 'PUT',
    url: '/api/messages/read',
    summary: 'Mark messages read (by id or all from a user)',
    tag: 'messages',
    auth: 'required',
    body: ZMarkDmRead,
    response: ZMarkDmReadResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    ...(await messaging.receipts.markRead(viewer.user.id, body)),
  }));

  route({
    method: 'PUT',
    url: '/api/messages/read-all',
    summary: 'Mark every direct message read',
    tag: 'messages',
    auth: 'required',
    response: ZMarkDmReadResponse,
  })(async ({ viewer }) => ({
    success: true,
    ...(await messaging.receipts.markAllRead(viewer.user.id)),
  }));

  route({
    method: 'POST',
    url: '/api/messages/sync',
    summary: 'Catch up after a reconnect (same as dm_sync)',
    tag: 'messages',
    auth: 'required',
    body: ZDmSync,
    response: ZDmSyncResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    ...(await messaging.history.sync(viewer.user.id, body)),
  }));

  route({
    method: 'PATCH',
    url: '/api/messages/by-id/:messageId',
    summary: 'Edit your message (within 24 h)',
    tag: 'messages',
    auth: 'required',
    params: ZDmMessageParam,
    body: ZEditDmBody,
    response: ZDmMessageResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    message: await messaging.actions.edit(viewer.user.id, params.messageId, body.message),
  }));

  route({
    method: 'DELETE',
    url: '/api/messages/by-id/:messageId',
    summary: 'Delete a message for everyone (sender) or for you',
    tag: 'messages',
    auth: 'required',
    params: ZDmMessageParam,
    query: ZDeleteDmQuery,
    response: ZOkResponse,
  })(async ({ viewer, params, query }) => {
    await messaging.actions.delete(viewer.user.id, params.messageId, query.scope);
    return { success: true };
  });

  route({
    method: 'POST',
    url: '/api/messages/by-id/:messageId/reactions',
    summary: 'Add an emoji reaction',
    tag: 'messages',
    auth: 'required',
    params: ZDmMessageParam,
    body: ZReactDmBody,
    response: ZDmMessageResponse,
  })(async ({ viewer, params, body }) => ({
    success: true,
    message: await messaging.actions.react(viewer.user.id, params.messageId, body.emoji, true),
  }));

  route({
    method: 'DELETE',
    url: '/api/messages/by-id/:messageId/reactions',
    summary: 'Remove your emoji reaction',
    tag: 'messages',
    auth: 'required',
    params: ZDmMessageParam,
    query: ZReactDmBody,
    response: ZDmMessageResponse,
  })(async ({ viewer, params, query }) => ({
    success: true,
    message: await messaging.actions.react(viewer.user.id, params.messageId, query.emoji, false),
  }));

  route({
    method: 'GET',
    url: '/api/messages/:userId',
    summary: 'Your messages with a user, newest first, by cursor',
    tag: 'messages',
    auth: 'required',
    params: ZDmUserParam,
    query: ZMessagesQuery,
    response: ZMessagesResponse,
  })(async ({ viewer, params, query }) => ({
    success: true,
    ...(await messaging.history.history(viewer.user.id, params.userId, query)),
  }));
}
