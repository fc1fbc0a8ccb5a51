import { type ClientEventName, type ClientPayload, type TAck, ZAck } from '@guftagu/contracts';
import type { Socket } from 'socket.io-client';
import { ApiError, UNREACHABLE_MESSAGE } from './api';

/**
 * Emits a client event and resolves with the server's acknowledgement, throwing ApiError for an error
 * envelope, a missing connection or no answer within `timeoutMs`, just like a REST call would.
 */
export function emitWithAck<E extends ClientEventName>(
  socket: Socket | null,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = 8000,
): Promise<Extract<TAck, { success: true }>> {
  return new Promise((resolve, reject) => {
    if (!socket?.connected) {
      reject(new ApiError(UNREACHABLE_MESSAGE, 'NETWORK_ERROR', 0));
      return;
    }
    socket.timeout(timeoutMs).emit(event, payload, (error: Error | null, raw: unknown) => {
      if (error) {
        reject(new ApiError('The server did not answer in time. Please try again.', 'NETWORK_ERROR', 0));
        return;
      }
      const ack = ZAck.safeParse(raw);
      if (!ack.success) {
        reject(new ApiError('The server sent a response we did not understand.', 'BAD_RESPONSE', 0));
      } else if (ack.data.success) {
        resolve(ack.data);
      } else {
        const { error: message, code, details } = ack.data;
        reject(new ApiError(message, code, 0, details));
      }
    });
  });
}
