import type { ClientEventName } from '@guftagu/contracts';
import type { AuthedHandler } from './event-registry.js';

export interface SocketModuleContext {
  /** Registers an event that needs a signed-in socket; the user id comes from the session, never the payload. */
  handle<E extends ClientEventName>(event: E, handler: AuthedHandler<E>): void;
}

/** A module's socket surface, registered once per server. */
export type SocketModule = (context: SocketModuleContext) => void;
