import type { ClientEventName, clientEvents } from '@guftagu/contracts';
import type { z } from 'zod';
import { AppError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { on } from './on.js';
import type { GatewaySocket } from './types.js';

type AuthedHandler<E extends ClientEventName> = (
  userId: string,
  payload: z.infer<(typeof clientEvents)[E]>,
) => Promise<Record<string, unknown> | undefined> | Record<string, unknown> | undefined;

export interface SocketModuleContext {
  socket: GatewaySocket;
  /** Registers an event that needs a signed-in socket; the user id comes from the session, never the payload. */
  handle<E extends ClientEventName>(event: E, handler: AuthedHandler<E>): void;
}

/** A module's socket surface: called once per connection to register its events. */
export type SocketModule = (context: SocketModuleContext) => void;

export function moduleContext(socket: GatewaySocket, logger: Logger): SocketModuleContext {
  return {
    socket,
    handle(event, handler) {
      on(socket, event, logger, (payload) => {
        const userId = socket.data.userId;
        if (!userId) throw new AppError('UNAUTHORIZED', 'Sign in to do that.');
        return handler(userId, payload);
      });
    },
  };
}
