import { type ClientEventName, clientEvents, type ServerPayload, type TAck } from '@guftagu/contracts';
import type { z } from 'zod';
import { AppError, INTERNAL_ENVELOPE, isAppError } from '../platform/errors.js';
import { findNulByte, NUL_BYTE_MESSAGE } from '../platform/inbound-text.js';
import type { Logger } from '../platform/logger.js';
import type { GatewaySocket } from './types.js';

export const SOCKET_EVENTS_PER_SECOND = 40;

type Result = Record<string, unknown> | undefined;
type Payload<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]>;
type Run = (socket: GatewaySocket, payload: unknown) => Promise<Result> | Result;

export type OpenHandler<E extends ClientEventName> = (
  socket: GatewaySocket,
  payload: Payload<E>,
) => Promise<Result> | Result;

export type AuthedHandler<E extends ClientEventName> = (
  userId: string,
  payload: Payload<E>,
  socket: GatewaySocket,
) => Promise<Result> | Result;

function withinRate(socket: GatewaySocket, now: number): boolean {
  if (now - socket.data.windowStart >= 1000) {
    socket.data.windowStart = now;
    socket.data.windowCount = 0;
  }
  socket.data.windowCount += 1;
  return socket.data.windowCount <= SOCKET_EVENTS_PER_SECOND;
}

/**
 * Events whose payload may be left out. Socket.IO serialises `emit('heartbeat', undefined, ack)` as
 * `null`, so for these a `null` payload means "none" and is read as `undefined` before validation;
 * decided once from the schemas, so every optional-payload event, present or future, behaves alike.
 */
export const OPTIONAL_PAYLOAD_EVENTS: ReadonlySet<string> = new Set(
  Object.entries(clientEvents)
    .filter(([, schema]) => schema.safeParse(undefined).success)
    .map(([name]) => name),
);

/**
 * Seed 000's error events, sent in addition to the ack (or the `error` event) for the failures it names,
 * so a client written from the seed hears about them. The ack stays the source of truth.
 */
function emitSeedErrorEvent(socket: GatewaySocket, action: string, error: AppError): void {
  const details = error.details ?? {};
  switch (error.code) {
    case 'VALIDATION_ERROR':
      socket.emit('validation_error', {
        field: typeof details.field === 'string' ? details.field : '',
        message: error.message,
        ...(typeof details.value === 'string' ? { value: details.value } : {}),
      });
      return;
    case 'FORBIDDEN':
      socket.emit('permission_denied', {
        action,
        // Socket events are refused only for not owning or not being party to the object.
        requiredRole: typeof details.requiredRole === 'string' ? details.requiredRole : 'owner',
        message: error.message,
      });
      return;
    case 'ACCOUNT_BANNED':
      socket.emit('user_banned', userBannedPayload(error));
      return;
    default:
      return;
  }
}

/** Fields whose values are secrets: a refusal never repeats them, not even to their sender. */
const SECRET_FIELD = /token|password|secret|code|otp/i;
const ECHO_LIMIT = 100;

/**
 * Seed 000's optional `validation_error.value`: the refused value when it is a short scalar that
 * is safe to repeat, so a client can show what was wrong; never a secret, never a whole object.
 */
export function echoableValue(payload: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path.some((key) => typeof key === 'string' && SECRET_FIELD.test(key))) return undefined;
  let value: unknown = payload;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (typeof value === 'string') return value.slice(0, ECHO_LIMIT);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The seed's `user_banned` payload from an ACCOUNT_BANNED error (details carry reason and end, if known). */
export function userBannedPayload(error: AppError): ServerPayload<'user_banned'> {
  const details = error.details ?? {};
  const banUntil = typeof details.banUntil === 'string' ? details.banUntil : null;
  return {
    reason: typeof details.reason === 'string' && details.reason ? details.reason : error.message,
    banType: banUntil ? 'temporary' : 'permanent',
    banUntil,
  };
}

/**
 * Every client event the gateway understands, registered once per server. Each connection gets the
 * same dispatcher function (Socket.IO calls any-listeners with `this` bound to the socket), so a
 * connection costs no closures per event: that was 4 KB of heap per idle socket (BENCHMARKS.md).
 */
export class EventRegistry {
  private readonly handlers = new Map<string, Run>();

  constructor(private readonly logger: Logger) {}

  /** An event any socket may send, signed in or not. */
  on<E extends ClientEventName>(
    event: E,
    run: (socket: GatewaySocket, payload: Payload<E>) => Promise<Result> | Result,
  ): void {
    this.handlers.set(event, run as Run);
  }

  /** An event that needs a signed-in socket; the user id comes from the session, never the payload. */
  authed<E extends ClientEventName>(event: E, handler: AuthedHandler<E>): void {
    this.on(event, (socket, payload) => {
      const userId = socket.data.userId;
      if (!userId) {
        socket.emit('auth_required', { action: event, message: 'Sign in to do that.' });
        throw new AppError('UNAUTHORIZED', 'Sign in to do that.');
      }
      return handler(userId, payload, socket);
    });
  }

  /**
   * The shared any-listener. The per-socket rate limit applies to every event, known or not; the
   * payload is parsed against its contract schema, and the outcome is always acknowledged with the
   * envelope; a client that sent no ack callback gets failures as an `error` event. Nothing a client
   * sends can throw out of here.
   */
  createDispatcher(): (this: GatewaySocket, event: unknown, ...args: unknown[]) => void {
    const { handlers, logger } = this;
    return function dispatch(this: GatewaySocket, event: unknown, ...args: unknown[]): void {
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (response: TAck) => void) : undefined;
      const sent = ack && args.length === 1 ? undefined : args[0];
      const name = typeof event === 'string' ? event : '';
      const payload = sent === null && OPTIONAL_PAYLOAD_EVENTS.has(name) ? undefined : sent;
      const fail = (error: AppError) => {
        emitSeedErrorEvent(this, name.slice(0, 50), error);
        if (ack) ack(error.toEnvelope());
        else {
          this.emit('error', {
            code: error.code,
            message: error.message,
            ...(error.details ? { details: error.details } : {}),
          });
        }
      };

      // Counted before the lookup: a flood of unknown events costs as much to answer as known ones.
      if (!withinRate(this, Date.now())) {
        this.emit('rate_limit_exceeded', {
          endpoint: name.slice(0, 50),
          retryAfter: 1,
          limit: SOCKET_EVENTS_PER_SECOND,
          window: 1,
        });
        fail(new AppError('RATE_LIMITED', 'Slow down a little.', { retryAfter: 1 }));
        return;
      }
      const run = handlers.get(name);
      if (!run) {
        fail(new AppError('VALIDATION_ERROR', `Unknown event "${name.slice(0, 50)}"`, { field: 'event' }));
        return;
      }
      const nulAt = findNulByte(payload);
      if (nulAt !== undefined) {
        fail(new AppError('VALIDATION_ERROR', NUL_BYTE_MESSAGE, { field: nulAt }));
        return;
      }
      const parsed = clientEvents[name as ClientEventName].safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue?.path ?? [];
        const value = echoableValue(payload, path);
        fail(
          new AppError('VALIDATION_ERROR', issue?.message ?? 'Invalid payload', {
            field: path.join('.'),
            ...(value === undefined ? {} : { value }),
          }),
        );
        return;
      }
      Promise.resolve()
        .then(() => run(this, parsed.data))
        .then(
          (result) => ack?.({ success: true, ...(result ?? {}) }),
          (error: unknown) => {
            if (isAppError(error)) {
              fail(error);
              return;
            }
            logger.error({ err: error, event: name }, 'socket handler failed');
            if (ack) ack(INTERNAL_ENVELOPE);
            else this.emit('error', { code: INTERNAL_ENVELOPE.code, message: INTERNAL_ENVELOPE.error });
          },
        );
    };
  }
}
