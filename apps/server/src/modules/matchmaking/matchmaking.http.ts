import {
  ZEndMatchResponse,
  ZIceServersResponse,
  ZJoinQueueBody,
  ZJoinQueueResponse,
  ZLeaveQueueResponse,
  ZMatchHistoryQuery,
  ZMatchHistoryResponse,
  ZMatchSocketBody,
  ZNextResponse,
} from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { MatchEmitter } from './match-emitter.js';
import { listHistory } from './matchmaking.repo.js';
import type { MatchmakingService, ParticipantRef } from './matchmaking.service.js';

/**
 * Seed 000 names these routes but not their body: matching is per socket, so the body names the socket.
 * Said in every route's OpenAPI description, since a client written from the seed would not know it.
 */
const SOCKET_ID_NOTE =
  'Seed 000 does not name the body: `socketId` is the id of one of your own connected Socket.IO sockets (`socket.id` after connecting and authenticating), because video chat matches sockets, not accounts. A socket of anybody else is refused with 403, one not connected with 404. The socket events (`join_queue`, `leave_queue`, `skip_partner`, `end_chat`) do the same without it.';

/**
 * Seed 000's `/api/match/*`. Matching is per socket, so each call names one of the caller's own
 * connected sockets; a socket of anybody else (or an anonymous one) is refused, on whichever node it is.
 */
export function registerMatchRoutes(
  app: FastifyInstance,
  deps: { service: MatchmakingService; emitter: MatchEmitter; db: Database; guard: AuthGuard },
): void {
  const { service, emitter, db, guard } = deps;

  const ownSocket = async (socketId: string, userId: string): Promise<ParticipantRef> => {
    // ownerOf answers only for a real socket id: a room name (`user:<id>`) is not found, so
    // nobody can enqueue a whole room as one pseudo-participant.
    const owner = await emitter.ownerOf(socketId);
    if (!owner) throw new AppError('NOT_FOUND', 'That connection was not found. Reconnect and try again.');
    if (owner.userId !== userId) throw new AppError('FORBIDDEN', 'That connection is not yours.');
    return { socketId, userId };
  };

  const route = apiRoutes(app, guard);

  route({
    method: 'GET',
    url: '/api/match/ice-servers',
    summary: 'STUN and short-lived TURN credentials for video chat',
    tag: 'matchmaking',
    auth: 'optional',
    response: ZIceServersResponse,
  })(async ({ viewer }) => ({
    success: true,
    ...(await service.iceServersOnRequest(viewer?.user.id ?? null)),
  }));

  route({
    method: 'POST',
    url: '/api/match/join-queue',
    summary: 'Put one of your sockets in the video chat queue',
    description: SOCKET_ID_NOTE,
    tag: 'matchmaking',
    auth: 'required',
    body: ZJoinQueueBody,
    response: ZJoinQueueResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    ...(await service.join(await ownSocket(body.socketId, viewer.user.id), body.interests ?? [])),
  }));

  route({
    method: 'POST',
    url: '/api/match/leave-queue',
    summary: 'Take your socket out of the queue',
    description: SOCKET_ID_NOTE,
    tag: 'matchmaking',
    auth: 'required',
    body: ZMatchSocketBody,
    response: ZLeaveQueueResponse,
  })(async ({ viewer, body }) => {
    await ownSocket(body.socketId, viewer.user.id);
    return { success: true, left: await service.leave(body.socketId) };
  });

  route({
    method: 'POST',
    url: '/api/match/next',
    summary: 'Skip to the next partner (or join when not matched)',
    description: SOCKET_ID_NOTE,
    tag: 'matchmaking',
    auth: 'required',
    body: ZJoinQueueBody,
    response: ZNextResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    ...(await service.next(await ownSocket(body.socketId, viewer.user.id), body.interests ?? [])),
  }));

  route({
    method: 'POST',
    url: '/api/match/end',
    summary: "End your socket's current match (Stop)",
    description: SOCKET_ID_NOTE,
    tag: 'matchmaking',
    auth: 'required',
    body: ZMatchSocketBody,
    response: ZEndMatchResponse,
  })(async ({ viewer, body }) => ({
    success: true,
    ...(await service.stop(await ownSocket(body.socketId, viewer.user.id))),
  }));

  route({
    method: 'GET',
    url: '/api/match/history',
    summary: 'Your matches, newest first, with a cursor',
    tag: 'matchmaking',
    auth: 'required',
    query: ZMatchHistoryQuery,
    response: ZMatchHistoryResponse,
  })(async ({ viewer, query }) => ({ success: true, ...(await listHistory(db, viewer.user.id, query)) }));
}
