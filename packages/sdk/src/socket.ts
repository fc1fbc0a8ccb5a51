import {
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerPayload,
  type ServerToClientEvents,
  serverEvents,
  type TAck,
  ZAck,
} from '@guftagu/contracts';
import { io, type Socket } from 'socket.io-client';
import { ApiError, UNREACHABLE_MESSAGE } from './errors.js';

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

export interface BrowserSocketOptions {
  /** Undefined for "same origin". */
  url: string | undefined;
  path?: string;
  /** Read at every (re)connect, so a refreshed access token is presented without a new socket. */
  getToken: () => string | null;
}

/**
 * The long-lived socket of a browser tab: not connected until the app knows who is signed in, falls
 * back to polling where WebSockets are blocked, and reconnects with backoff.
 */
export function createBrowserSocket(options: BrowserSocketOptions): GuftaguSocket {
  let connectedOnce = false;
  const config = {
    path: options.path ?? '/socket.io',
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    autoConnect: false,
    withCredentials: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 8000,
    auth: (callback: (data: object) => void) => {
      const token = options.getToken();
      callback({ ...(token ? { token } : {}), reconnect: connectedOnce });
    },
  };
  const socket: GuftaguSocket = options.url ? io(options.url, config) : io(config);
  socket.on('connect', () => {
    connectedOnce = true;
  });
  return socket;
}

/**
 * Subscribes to a server event, letting through only payloads that match the contract schema (the
 * client validates both directions). Returns the unsubscribe function.
 */
export function listen<E extends ServerEventName>(
  socket: GuftaguSocket,
  event: E,
  handler: (payload: ServerPayload<E>) => void,
  onInvalid?: (event: E, issues: unknown) => void,
): () => void {
  const schema = serverEvents[event];
  const wrapped = (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      onInvalid?.(event, parsed.error.issues);
      return;
    }
    handler(parsed.data as ServerPayload<E>);
  };
  // The typed map cannot express "any event with its own payload" for a generic E; the schema above
  // is what guarantees the payload's type.
  const untyped = socket as unknown as Socket;
  untyped.on(event as string, wrapped);
  return () => {
    untyped.off(event as string, wrapped);
  };
}

export type AckOk = Extract<TAck, { success: true }>;

/**
 * Emits a client event and resolves with the server's acknowledgement, throwing ApiError for an error
 * envelope, a missing connection or no answer within `timeoutMs`, just like a REST call would.
 */
export function emitWithAck<E extends ClientEventName>(
  socket: GuftaguSocket | null,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = 8000,
): Promise<AckOk> {
  return new Promise((resolve, reject) => {
    if (!socket?.connected) {
      reject(ApiError.of(UNREACHABLE_MESSAGE, 'NETWORK_ERROR', 0));
      return;
    }
    const untyped = socket as unknown as Socket;
    untyped.timeout(timeoutMs).emit(event, payload, (error: Error | null, raw: unknown) => {
      if (error) {
        reject(ApiError.of('The server did not answer in time. Please try again.', 'NETWORK_ERROR', 0));
        return;
      }
      const ack = ZAck.safeParse(raw);
      if (!ack.success) {
        reject(ApiError.of('The server sent a response we did not understand.', 'BAD_RESPONSE', 0));
      } else if (ack.data.success) {
        resolve(ack.data);
      } else {
        reject(new ApiError(0, ack.data));
      }
    });
  });
}
