import type { Socket } from 'node:net';
import { AppError } from '../platform/errors.js';

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers over the limit, a
 * malformed request line, a request that took too long to arrive) and emits 'clientError' on the
 * server. Fastify's default answer is its own JSON shape; this one answers in the API's envelope, so
 * no response, however malformed the request, falls outside `{ success: false, error, code }`.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError = appErrorOf(error.code);
  const body = JSON.stringify(appError.toEnvelope());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${appError.status} ${reasonOf(appError.status)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

function appErrorOf(code: string | undefined): AppError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError('HEADERS_TOO_LARGE', 'The request headers (or its URL) are too large.');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError('REQUEST_TIMEOUT', 'The request took too long to arrive.');
    default:
      return new AppError('BAD_REQUEST', 'The request could not be read.');
  }
}

function reasonOf(status: number): string {
  switch (status) {
    case 408:
      return 'Request Timeout';
    case 431:
      return 'Request Header Fields Too Large';
    default:
      return 'Bad Request';
  }
}
