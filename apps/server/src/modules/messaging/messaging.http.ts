import {
  ZConversationsQuery,
  ZDeleteDmQuery,
  ZDmMessageParam,
  ZDmSearchQuery,
  ZDmSync,
  ZDmUserParam,
  ZEditDmBody,
  ZMarkDmRead,
  ZMessagesQuery,
  ZReactDmBody,
  ZSendDm,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthGuard } from '../../http/auth-guard.js';
import { parseInput } from '../../http/validation.js';
import type { Messaging } from './messaging.module.js';

/**
 * Seed 000's `/api/messages/*` plus the REST twins of the seed 004 socket actions. Static paths are
 * registered before `/:userId`; Fastify prefers static segments anyway.
 */
export function registerMessagingRoutes(app: FastifyInstance, messaging: Messaging, guard: AuthGuard): void {
  app.post('/api/messages/send', async (request) => {
    const { user } = await guard.require(request);
    return { success: true, ...(await messaging.sending.send(user.id, parseInput(ZSendDm, request.body))) };
  });

  app.get('/api/messages/conversations', async (request) => {
    const { user } = await guard.require(request);
    const query = parseInput(ZConversationsQuery, request.query);
    return { success: true, ...(await messaging.conversations.list(user.id, query)) };
  });

  app.post('/api/messages/conversations/:userId/archive', async (request) => {
    const { user } = await guard.require(request);
    const { userId } = parseInput(ZDmUserParam, request.params);
    return { success: true, conversation: await messaging.conversations.setArchived(user.id, userId, true) };
  });

  app.delete('/api/messages/conversations/:userId/archive', async (request) => {
    const { user } = await guard.require(request);
    const { userId } = parseInput(ZDmUserParam, request.params);
    return { success: true, conversation: await messaging.conversations.setArchived(user.id, userId, false) };
  });

  app.post('/api/messages/requests/:userId/accept', async (request) => {
    const { user } = await guard.require(request);
    const { userId } = parseInput(ZDmUserParam, request.params);
    return {
      success: true,
      conversation: await messaging.conversations.answerRequest(user.id, userId, true),
    };
  });

  app.post('/api/messages/requests/:userId/reject', async (request) => {
    const { user } = await guard.require(request);
    const { userId } = parseInput(ZDmUserParam, request.params);
    return {
      success: true,
      conversation: await messaging.conversations.answerRequest(user.id, userId, false),
    };
  });

  app.get('/api/messages/unread', async (request) => {
    const { user } = await guard.require(request);
    return { success: true, ...(await messaging.conversations.unread(user.id)) };
  });

  app.get('/api/messages/search', async (request) => {
    const { user } = await guard.require(request);
    const query = parseInput(ZDmSearchQuery, request.query);
    return { success: true, results: await messaging.search.search(user.id, query) };
  });

  app.put('/api/messages/read', async (request) => {
    const { user } = await guard.require(request);
    return {
      success: true,
      ...(await messaging.receipts.markRead(user.id, parseInput(ZMarkDmRead, request.body))),
    };
  });

  app.put('/api/messages/read-all', async (request) => {
    const { user } = await guard.require(request);
    return { success: true, ...(await messaging.receipts.markAllRead(user.id)) };
  });

  app.post('/api/messages/sync', async (request) => {
    const { user } = await guard.require(request);
    return { success: true, ...(await messaging.history.sync(user.id, parseInput(ZDmSync, request.body))) };
  });

  app.patch('/api/messages/by-id/:messageId', async (request) => {
    const { user } = await guard.require(request);
    const { messageId } = parseInput(ZDmMessageParam, request.params);
    const { message } = parseInput(ZEditDmBody, request.body);
    return { success: true, message: await messaging.actions.edit(user.id, messageId, message) };
  });

  app.delete('/api/messages/by-id/:messageId', async (request) => {
    const { user } = await guard.require(request);
    const { messageId } = parseInput(ZDmMessageParam, request.params);
    const { scope } = parseInput(ZDeleteDmQuery, request.query);
    await messaging.actions.delete(user.id, messageId, scope);
    return { success: true };
  });

  app.post('/api/messages/by-id/:messageId/reactions', async (request) => {
    const { user } = await guard.require(request);
    const { messageId } = parseInput(ZDmMessageParam, request.params);
    const { emoji } = parseInput(ZReactDmBody, request.body);
    return { success: true, message: await messaging.actions.react(user.id, messageId, emoji, true) };
  });

  app.delete('/api/messages/by-id/:messageId/reactions', async (request) => {
    const { user } = await guard.require(request);
    const { messageId } = parseInput(ZDmMessageParam, request.params);
    const { emoji } = parseInput(ZReactDmBody, request.query);
    return { success: true, message: await messaging.actions.react(user.id, messageId, emoji, false) };
  });

  app.get('/api/messages/:userId', async (request) => {
    const { user } = await guard.require(request);
    const { userId } = parseInput(ZDmUserParam, request.params);
    const query = parseInput(ZMessagesQuery, request.query);
    return { success: true, ...(await messaging.history.history(user.id, userId, query)) };
  });
}
