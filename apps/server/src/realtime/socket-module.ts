import type { ClientEventName } from '@guftagu/contracts';
import type { AuthedHandler, OpenHandler } from './event-registry.js';
import type { GatewaySocket } from './types.js';

export interface SocketModuleContext {
  /** Registers an event that needs a signed-in socket; the user id comes from the session, never the payload. */
  handle<E extends ClientEventName>(event: E, handler: AuthedHandler<E>): void;
  /** Registers an event any socket may send, signed in or not (anonymous video chat). */
  open<E extends ClientEventName>(event: E, handler: OpenHandler<E>): void;
  /** Called once for every socket that disconnects, signed in or not, with Socket.IO's reason. */
  onDisconnect(listener: (socket: GatewaySocket, reason: string) => void): void;
}

/** A module's socket surface, registered once per server. */
export type SocketModule = (context: SocketModuleContext) => void;
