import type { ServerEventName, ServerPayload } from '@guftagu/contracts';

/**
 * How matchmaking reaches participants. A participant is a socket, so delivery is by socket id:
 * with the Redis adapter `io.to(socketId)` reaches that socket on whichever node holds it.
 */
export interface MatchEmitter {
  toSocket<E extends ServerEventName>(socketId: string, event: E, payload: ServerPayload<E>): void;
  /** True when the socket is connected to this node (queue positions are sent by the socket's node). */
  isLocal(socketId: string): boolean;
  /** The owner of a connected socket on any node; null when no such socket is connected. */
  ownerOf(socketId: string): Promise<{ userId: string | null } | null>;
}
