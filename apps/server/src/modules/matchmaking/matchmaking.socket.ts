import type { IncomingMessage } from 'node:http';
import type { SocketModule } from '../../realtime/socket-module.js';
import type { GatewayServer, GatewaySocket } from '../../realtime/types.js';
import type { MatchEmitter } from './match-emitter.js';
import { limitKeyOf, MatchLimits } from './match-limits.js';
import type { MatchRelay } from './match-relay.js';
import type { MatchmakingService, ParticipantRef } from './matchmaking.service.js';
import { deviceOf } from './network-identity.js';

/** Socket.IO's engine ids: 20 characters of base64url (15 random bytes). Room names never match. */
const SOCKET_ID = /^[A-Za-z0-9_-]{20}$/;

export function isSocketId(value: string): boolean {
  return SOCKET_ID.test(value);
}

export function createMatchEmitter(io: GatewayServer): MatchEmitter {
  return {
    toSocket(socketId, event, payload) {
      // The emit signature is a union over all events; the generic on the interface keeps callers honest.
      (io.to(socketId).emit as (event: string, payload: unknown) => boolean)(event, payload);
    },
    isLocal(socketId) {
      return io.sockets.sockets.has(socketId);
    },
    async ownerOf(socketId) {
      // Only a real socket id names a participant: `io.in()` takes any room (`user:<id>`, `admin`…),
      // so a remote answer counts only if it is the socket of exactly that id; else a room could be
      // enqueued as one pseudo-participant.
      if (!isSocketId(socketId)) return null;
      const local = io.sockets.sockets.get(socketId);
      if (local) return { userId: local.data.userId };
      const remote = (await io.in(socketId).fetchSockets()).find((socket) => socket.id === socketId);
      return remote ? { userId: remote.data.userId } : null;
    },
  };
}

/**
 * Video chat events. They are open to anonymous sockets (the service applies the anonymous setting);
 * identity is the socket and its session, never a field of the payload.
 */
export function matchmakingSocketHandlers(
  service: MatchmakingService,
  relay: MatchRelay,
  clientIp: (request: IncomingMessage) => string = (request) => request.socket.remoteAddress ?? '',
  limits: MatchLimits = new MatchLimits(undefined),
): SocketModule {
  /** Identity is the socket and its session; browser and address only matter when anonymous, to carry
   * bans and blocks over to anonymous sockets (see NetworkIdentity). */
  const refOf = (socket: GatewaySocket): ParticipantRef => ({
    socketId: socket.id,
    userId: socket.data.userId,
    device: deviceOf(socket.request),
    ip: clientIp(socket.request),
  });

  /**
   * A socket that disconnected while its join or resume was in flight left nothing behind to clean up
   * when its disconnect ran; clean up again now that the step has landed.
   */
  const afterStep = async <T>(socket: GatewaySocket, step: Promise<T>): Promise<T> => {
    try {
      return await step;
    } finally {
      if (socket.disconnected) await service.disconnect(socket.id, 'transport close');
    }
  };

  return ({ open, onDisconnect }) => {
    open('join_queue', (socket, payload) =>
      afterStep(socket, service.join(refOf(socket), payload?.interests ?? [])),
    );
    open('leave_queue', async (socket) => ({ left: await service.leave(socket.id) }));
    open('skip_partner', (socket, payload) =>
      afterStep(socket, service.skip(refOf(socket), payload?.matchId)),
    );
    open('end_chat', (socket, payload) => service.stop(refOf(socket), payload?.matchId));
    open('resume_match', (socket, { resumeToken }) =>
      afterStep(socket, service.resume(refOf(socket), resumeToken)),
    );
    open('report_partner', async (socket, payload) => {
      const ref = refOf(socket);
      await limits.hit('report', limitKeyOf(ref));
      return service.reportPartner(ref, payload);
    });
    open('webrtc_offer', async (socket, payload) => {
      await relay.offer(socket.id, payload);
      return undefined;
    });
    open('webrtc_answer', async (socket, payload) => {
      await relay.answer(socket.id, payload);
      return undefined;
    });
    open('webrtc_ice_candidate', async (socket, payload) => {
      await relay.iceCandidate(socket.id, payload);
      return undefined;
    });
    open('chat_message', async (socket, payload) => {
      await limits.hit('chat', limitKeyOf(refOf(socket)));
      return relay.chat(socket.id, payload);
    });
    open('chat_typing_start', async (socket, { to, matchId }) => {
      if (limits.typingDue(socket.id, true)) await relay.typing(socket.id, to, matchId, true);
      return undefined;
    });
    open('chat_typing_stop', async (socket, { to, matchId }) => {
      if (limits.typingDue(socket.id, false)) await relay.typing(socket.id, to, matchId, false);
      return undefined;
    });
    open('connection_quality', async (socket, payload) => {
      if (limits.qualityDue(socket.id)) await relay.quality(socket.id, payload);
      return undefined;
    });
    onDisconnect((socket, reason) => {
      limits.forget(socket.id);
      void service.disconnect(socket.id, reason).catch(() => undefined);
    });
  };
}
