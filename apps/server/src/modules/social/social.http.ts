import {
  ZBlockBody,
  ZFriendsQuery,
  ZRequestIdBody,
  ZSearchQuery,
  ZSendFriendRequest,
  ZSendFriendRequestById,
  ZUserIdParam,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthGuard } from '../../http/auth-guard.js';
import { parseInput } from '../../http/validation.js';
import type { SocialService } from './social.service.js';

const ZBlockParam = z.object({ userId: ZBlockBody.shape.userId });

export function registerSocialRoutes(app: FastifyInstance, social: SocialService, guard: AuthGuard): void {
  app.post('/api/friends/request', async (request) => {
    const { user } = await guard.require(request);
    const body = parseInput(ZSendFriendRequest, request.body);
    return {
      success: true,
      ...(await social.sendRequest(user.id, { username: body.username }, body.message)),
    };
  });

  app.post('/api/friends/request-by-id', async (request) => {
    const { user } = await guard.require(request);
    const body = parseInput(ZSendFriendRequestById, request.body);
    return { success: true, ...(await social.sendRequest(user.id, { publicId: body.userId }, body.message)) };
  });

  app.post('/api/friends/accept', async (request) => {
    const { user } = await guard.require(request);
    const { requestId } = parseInput(ZRequestIdBody, request.body);
    return { success: true, friend: (await social.accept(user.id, requestId)).friend };
  });

  app.post('/api/friends/reject', async (request) => {
    const { user } = await guard.require(request);
    const { requestId } = parseInput(ZRequestIdBody, request.body);
    await social.reject(user.id, requestId);
    return { success: true };
  });

  app.post('/api/friends/cancel', async (request) => {
    const { user } = await guard.require(request);
    const { requestId } = parseInput(ZRequestIdBody, request.body);
    await social.cancel(user.id, requestId);
    return { success: true };
  });

  app.get('/api/friends', async (request) => {
    const { user } = await guard.require(request);
    const query = parseInput(ZFriendsQuery, request.query);
    return { success: true, friends: await social.listFriends(user.id, query) };
  });

  app.get('/api/friends/requests', async (request) => {
    const { user } = await guard.require(request);
    return { success: true, ...(await social.listRequests(user.id)) };
  });

  app.get('/api/friends/search', async (request) => {
    const { user } = await guard.require(request);
    const { q } = parseInput(ZSearchQuery, request.query);
    return { success: true, users: await social.search(user.id, q) };
  });

  app.delete('/api/friends/:friendId', async (request) => {
    const { user } = await guard.require(request);
    const { friendId } = parseInput(ZUserIdParam, request.params);
    await social.unfriend(user.id, friendId);
    return { success: true };
  });

  app.get('/api/users/me/blocked', async (request) => {
    const { user } = await guard.require(request);
    return { success: true, blockedUsers: await social.listBlocked(user.id) };
  });

  app.post('/api/users/:userId/block', async (request) => {
    const { user } = await guard.require(request);
    const { userId } = parseInput(ZBlockParam, request.params);
    await social.block(user.id, userId);
    return { success: true, message: 'User blocked successfully' };
  });

  app.delete('/api/users/:userId/block', async (request) => {
    const { user } = await guard.require(request);
    const { userId } = parseInput(ZBlockParam, request.params);
    await social.unblock(user.id, userId);
    return { success: true, message: 'User unblocked successfully' };
  });
}
