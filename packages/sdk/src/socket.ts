import type { ClientToServerEvents, ServerToClientEvents } from '@guftagu/contracts';
import { io, type Socket } from 'socket.io-client';

export type GuftaguSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketOptions {
  token?: string;
  /** Disabled by default for bots and tests; browsers want it on. */
  reconnection?: boolean;
  forceNew?: boolean;
}

/**
 * Connects to the gateway over WebSocket. After the first connection the handshake says
 * `reconnect: true`, so the server answers a reconnect with `reconnected` and the missed counts.
 */
export function connectSocket(baseUrl: string, options: SocketOptions = {}): GuftaguSocket {
  let connectedOnce = false;
  const socket: GuftaguSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: options.reconnection ?? false,
    forceNew: options.forceNew ?? true,
    auth: (callback) =>
      callback({ ...(options.token ? { token: options.token } : {}), reconnect: connectedOnce }),
  });
  socket.on('connect', () => {
    connectedOnce = true;
  });
  return socket;
}
