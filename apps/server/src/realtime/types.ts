import type { ClientToServerEvents, ServerToClientEvents } from '@guftagu/contracts';
import type { Server, Socket } from 'socket.io';

/** Kept deliberately small: it lives as long as the connection, times every connected socket. */
export interface SocketData {
  userId: string | null;
  familyId: string | null;
  /** Fixed one-second window for the per-socket event limit. */
  windowStart: number;
  windowCount: number;
  /** When a heartbeat last wrote the user's lastActive (epoch ms); 0 if never. */
  lastTouchedAt: number;
}

export type GatewayServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type GatewaySocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
