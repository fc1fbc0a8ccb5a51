import { type ClientEventName, clientEvents, type TAck } from '@guftagu/contracts';
import type { z } from 'zod';
import { AppError, INTERNAL_ENVELOPE, isAppError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import type { GatewaySocket } from './types.js';

export const SOCKET_EVENTS_PER_SECOND = 40;

type Handler<E extends ClientEventName> = (
  payload: z.infer<(typeof clientEvents)[E]>,
) => Promise<Record<string, unknown> | undefined> | Record<string, unknown> | undefined;

function withinRate(socket: GatewaySocket, now: number): boolean {
  if (now - socket.data.windowStart >= 1000) {
    socket.data.windowStart = now;
    socket.data.windowCount = 0;
  }
  socket.data.windowCount += 1;
  return socket.data.windowCount <= SOCKET_EVENTS_PER_SECOND;
}

/**
 * Registers a client event: the payload is parsed against its contract schema, the per-socket rate
 * limit applies, and the outcome is always acknowledged with the envelope. A client that sent no ack
 * callback gets failures as an `error` event. Nothing a client sends can throw out of here.
 */
export function on<E extends ClientEventName>(
  socket: GatewaySocket,
  event: E,
  logger: Logger,
  handler: Handler<E>,
): void {
  const schema = clientEvents[event];
  // Socket.IO hands us whatever arrived: any number of arguments of any type.
  (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(
    event,
    async (...args: unknown[]) => {
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (response: TAck) => void) : undefined;
      const payload = ack && args.length === 1 ? undefined : args[0];
      const fail = (error: AppError) => {
        if (ack) ack(error.toEnvelope());
        else
          socket.emit('error', {
            code: error.code,
            message: error.message,
            ...(error.details ? { details: error.details } : {}),
          });
      };

      if (!withinRate(socket, Date.now())) {
        socket.emit('rate_limit_exceeded', {
          endpoint: event,
          retryAfter: 1,
          limit: SOCKET_EVENTS_PER_SECOND,
          window: 1,
        });
        fail(new AppError('RATE_LIMITED', 'Slow down a little.', { retryAfter: 1 }));
        return;
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        fail(
          new AppError('VALIDATION_ERROR', issue?.message ?? 'Invalid payload', {
            field: issue?.path.join('.') ?? '',
          }),
        );
        return;
      }
      try {
        const result = await handler(parsed.data as z.infer<(typeof clientEvents)[E]>);
        ack?.({ success: true, ...(result ?? {}) });
      } catch (error) {
        if (isAppError(error)) return fail(error);
        logger.error({ err: error, event }, 'socket handler failed');
        if (ack) ack(INTERNAL_ENVELOPE);
        else socket.emit('error', { code: INTERNAL_ENVELOPE.code, message: INTERNAL_ENVELOPE.error });
      }
    },
  );
}
