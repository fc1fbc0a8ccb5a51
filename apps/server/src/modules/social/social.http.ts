import {
  ZBlockBody,
  ZBlockedUsersResponse,
  ZFriendRequestResponse,
  ZFriendRequestsResponse,
  ZFriendResponse,
  ZFriendsQuery,
  ZFriendsResponse,
  ZMessageResponse,
  ZOkResponse,
  ZRequestIdBody,
  ZSearchQuery,
  ZSendFriendRequest,
  ZSendFriendRequestById,
  ZUserIdParam,
  ZUserSearchResponse,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { SocialService } from './social.service.js';

const ZBlockParam = z.object({ userId: ZBlockBody.shape.userId });

export function registerSocialRoutes(app: FastifyInstance, social: SocialService, guard: AuthGuard): void {
  const route = apiRoutes(app, guard);

  route({
    method: 'POST',
    url: '/api/friends/request',
    summary: 'Send a friend request by username',
    tag: 'friends',
    auth: 'required',
    body: ZSendFriendRequest,
    response: ZFriendRequestResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    ...(await social.sendRequest(viewer.user.id, { username: body.username }, body.message)),
  }));

  route({
    method: 'POST',
    url: '/api/friends/request-by-id',
    summary: 'Send a friend request by 7-digit id',
    tag: 'friends',
    auth: 'required',
    body: ZSendFriendRequestById,
    response: ZFriendRequestResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    ...(await social.sendRequest(viewer.user.id, { publicId: body.userId }, body.message)),
  }));

  route({
    method: 'POST',
    url: '/api/friends/accept',
    summary: 'Accept a friend request you received',
    tag: 'friends',
    auth: 'required',
    body: ZRequestIdBody,
    response: ZFriendResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    friend: (await social.accept(viewer.user.id, body.requestId)).friend,
  }));

  route({
    method: 'POST',
    url: '/api/friends/reject',
    summary: 'Reject a friend request you received',
    tag: 'friends',
    auth: 'required',
    body: ZRequestIdBody,
    response: ZOkResponse,
  })(async ({ viewer, body }) => {
    await social.reject(viewer.user.id, body.requestId);
    return { success: true };
  });

  route({
    method: 'POST',
    url: '/api/friends/cancel',
    summary: 'Withdraw a friend request you sent',
    tag: 'friends',
    auth: 'required',
    body: ZRequestIdBody,
    response: ZOkResponse,
  })(async ({ viewer, body }) => {
    await social.cancel(viewer.user.id, body.requestId);
    return { success: true };
  });

  route({
    method: 'GET',
    url: '/api/friends',
    summary: 'Your friends, sorted and filtered',
    tag: 'friends',
    auth: 'required',
    query: ZFriendsQuery,
    response: ZFriendsResponse,
  })(async ({ viewer, query }) => ({
    success: true,
    friends: await social.listFriends(viewer.user.id, query),
  }));

  route({
    method: 'GET',
    url: '/api/friends/requests',
    summary: 'Pending friend requests, received and sent',
    tag: 'friends',
    auth: 'required',
    response: ZFriendRequestsResponse,
  })(async ({ viewer }) => ({ success: true, ...(await social.listRequests(viewer.user.id)) }));

  route({
    method: 'GET',
    url: '/api/friends/search',
    summary: 'Find people by username prefix',
    tag: 'friends',
    auth: 'required',
    query: ZSearchQuery,
    response: ZUserSearchResponse,
  })(async ({ viewer, query }) => ({ success: true, users: await social.search(viewer.user.id, query.q) }));

  route({
    method: 'DELETE',
    url: '/api/friends/:friendId',
    summary: 'Unfriend',
    tag: 'friends',
    auth: 'required',
    params: ZUserIdParam,
    response: ZOkResponse,
  })(async ({ viewer, params }) => {
    await social.unfriend(viewer.user.id, params.friendId);
    return { success: true };
  });

  route({
    method: 'GET',
    url: '/api/users/me/blocked',
    summary: 'The people you blocked',
    tag: 'blocks',
    auth: 'required',
    response: ZBlockedUsersResponse,
  })(async ({ viewer }) => ({ success: true, blockedUsers: await social.listBlocked(viewer.user.id) }));

  route({
    method: 'POST',
    url: '/api/users/:userId/block',
    summary: 'Block a user: ends the friendship and pending requests',
    tag: 'blocks',
    auth: 'required',
    params: ZBlockParam,
    response: ZMessageResponse,
  })(async ({ viewer, params }) => {
    await social.block(viewer.user.id, params.userId);
    return { success: true, message: 'User blocked successfully' };
  });

  route({
    method: 'DELETE',
    url: '/api/users/:userId/block',
    summary: 'Unblock a user',
    tag: 'blocks',
    auth: 'required',
    params: ZBlockParam,
    response: ZMessageResponse,
  })(async ({ viewer, params }) => {
    await social.unblock(viewer.user.id, params.userId);
    return { success: true, message: 'User unblocked successfully' };
  });
}
