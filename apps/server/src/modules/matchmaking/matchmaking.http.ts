import { ZJoinQueueBody, ZMatchHistoryQuery, ZMatchSocketBody } from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthGuard } from '../../http/auth-guard.js';
import { parseInput } from '../../http/validation.js';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { MatchEmitter } from './match-emitter.js';
import { listHistory } from './matchmaking.repo.js';
import type { MatchmakingService, ParticipantRef } from './matchmaking.service.js';

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
    // ownerOf answers only for a real socket id: a room name (`user:<id>`) is not found (F9).
    const owner = await emitter.ownerOf(socketId);
    if (!owner) throw new AppError('NOT_FOUND', 'That connection was not found. Reconnect and try again.');
    if (owner.userId !== userId) throw new AppError('FORBIDDEN', 'That connection is not yours.');
    return { socketId, userId };
  };

  app.get('/api/match/ice-servers', async (request) => {
    const auth = await guard.optional(request);
    return { success: true, ...(await service.iceServersOnRequest(auth?.user.id ?? null)) };
  });

  app.post('/api/match/join-queue', async (request) => {
    const { user } = await guard.require(request);
    const body = parseInput(ZJoinQueueBody, request.body);
    return {
      success: true,
      ...(await service.join(await ownSocket(body.socketId, user.id), body.interests ?? [])),
    };
  });

  app.post('/api/match/leave-queue', async (request) => {
    const { user } = await guard.require(request);
    const { socketId } = parseInput(ZMatchSocketBody, request.body);
    await ownSocket(socketId, user.id);
    return { success: true, left: await service.leave(socketId) };
  });

  app.post('/api/match/next', async (request) => {
    const { user } = await guard.require(request);
    const body = parseInput(ZJoinQueueBody, request.body);
    return {
      success: true,
      ...(await service.next(await ownSocket(body.socketId, user.id), body.interests ?? [])),
    };
  });

  app.post('/api/match/end', async (request) => {
    const { user } = await guard.require(request);
    const { socketId } = parseInput(ZMatchSocketBody, request.body);
    return { success: true, ...(await service.stop(await ownSocket(socketId, user.id))) };
  });

  app.get('/api/match/history', async (request) => {
    const { user } = await guard.require(request);
    const page = parseInput(ZMatchHistoryQuery, request.query);
    return { success: true, ...(await listHistory(db, user.id, page)) };
  });
}
