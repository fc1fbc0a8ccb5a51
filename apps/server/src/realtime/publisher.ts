import type { ServerEventName, ServerPayload } from '@guftagu/contracts';
import type { GatewayServer } from './types.js';

export const userRoom = (userId: string) => `user:${userId}`;
export const familyRoom = (familyId: string) => `session:${familyId}`;
export const ADMIN_ROOM = 'admin';

/**
 * How services talk to connected clients. Services call it after their transaction commits and name
 * the recipients explicitly; with the Redis adapter every call reaches sockets on every node.
 */
export interface RealtimePublisher {
  toUser<E extends ServerEventName>(userId: string, event: E, payload: ServerPayload<E>): void;
  /** Emits to every socket in a room (a server's or a channel's), on every node. */
  toRoom<E extends ServerEventName>(room: string, event: E, payload: ServerPayload<E>): void;
  /** Puts every connected socket of these users into the rooms, on every node. */
  joinRooms(userIds: readonly string[], rooms: readonly string[]): void;
  /** Takes every connected socket of these users out of the rooms, on every node, at once. */
  leaveRooms(userIds: readonly string[], rooms: readonly string[]): void;
  disconnectFamily(familyId: string, reason: ServerPayload<'force_disconnect'>['reason']): void;
}

export function createPublisher(io: GatewayServer): RealtimePublisher {
  return {
    toUser(userId, event, payload) {
      // The emit signature is a union over all events; the generic keeps callers honest.
      (io.to(userRoom(userId)).emit as (event: string, payload: unknown) => boolean)(event, payload);
    },
    toRoom(room, event, payload) {
      (io.to(room).emit as (event: string, payload: unknown) => boolean)(event, payload);
    },
    joinRooms(userIds, rooms) {
      if (userIds.length === 0 || rooms.length === 0) return;
      io.in(userIds.map(userRoom)).socketsJoin([...rooms]);
    },
    leaveRooms(userIds, rooms) {
      if (userIds.length === 0 || rooms.length === 0) return;
      io.in(userIds.map(userRoom)).socketsLeave([...rooms]);
    },
    disconnectFamily(familyId, reason) {
      io.to(familyRoom(familyId)).emit('force_disconnect', { reason });
      io.in(familyRoom(familyId)).disconnectSockets(true);
    },
  };
}
