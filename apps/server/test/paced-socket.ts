import { type TAck, ZAck } from '@guftagu/contracts';
import type { GuftaguSocket } from '@guftagu/sdk';
import { SOCKET_EVENTS_PER_SECOND } from '../src/realtime/event-registry.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RawAck {
  /** The ack exactly as received, before any parsing (a garbled one is the failure to report). */
  raw: unknown;
  /** The same, if it is the ack envelope. */
  ack: TAck | undefined;
}

/**
 * Emits raw payloads and awaits each ack, staying under the per-socket rate limit (which is not what
 * the caller is testing): it pauses after each window's worth, and if a slow machine still lets a batch
 * straddle the server's window, it waits the window out and sends the same payload again.
 */
export function pacedEmitter(socket: GuftaguSocket, timeoutMs = 5_000) {
  const perWindow = SOCKET_EVENTS_PER_SECOND - 5;
  let windowStart = 0;
  let count = 0;
  return async function emit(event: string, payload: unknown): Promise<RawAck> {
    for (let attempt = 0; ; attempt += 1) {
      if (count >= perWindow) {
        await pause(Math.max(0, 1_010 - (Date.now() - windowStart)));
        count = 0;
      }
      count += 1;
      const untyped = socket.timeout(timeoutMs) as unknown as {
        emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
      };
      const raw = await (payload === undefined
        ? untyped.emitWithAck(event)
        : untyped.emitWithAck(event, payload));
      if (count === 1) windowStart = Date.now();
      const parsed = ZAck.safeParse(raw);
      const ack = parsed.success ? parsed.data : undefined;
      if (!ack || ack.success || ack.code !== 'RATE_LIMITED' || attempt >= 3) return { raw, ack };
      await pause(1_100);
      count = 0;
    }
  };
}
