import type { TAuthenticated } from '@guftagu/contracts';
import type { Authenticated, SessionService } from '../modules/auth/index.js';
import type { UserRow } from '../modules/users/index.js';
import { AppError, isAppError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import type { CountBroadcaster } from './count-broadcaster.js';
import { EventRegistry, userBannedPayload } from './event-registry.js';
import { ADMIN_ROOM, familyRoom, userRoom } from './publisher.js';
import type { SocketModule } from './socket-module.js';
import type { GatewayServer, GatewaySocket } from './types.js';

/**
 * Counts a module contributes to `authenticated` and `reconnected` (unread notifications, unread
 * DMs). Modules register providers as they land; until then the counts are zero.
 */
export interface UnreadCounters {
  notifications(userId: string): Promise<number>;
  messages(userId: string): Promise<number>;
}

export const NO_UNREAD: UnreadCounters = {
  notifications: async () => 0,
  messages: async () => 0,
};

/** Told when a socket becomes a user's and when it stops being one (presence). */
export interface SocketLifecycle {
  bound(userId: string, socketId: string): Promise<void>;
  unbound(userId: string, socketId: string): Promise<void>;
  /** A heartbeat from a bound socket (throttled per socket by the gateway). */
  touched(userId: string): Promise<void>;
}

/**
 * A heartbeat writes lastActive at most this often per socket: clients may send 40 events a second,
 * and a row update for each would load the database for a timestamp read at minute granularity.
 */
export const TOUCH_INTERVAL_MS = 30_000;

export interface GatewayDeps {
  io: GatewayServer;
  sessions: SessionService;
  broadcaster: CountBroadcaster;
  unread: UnreadCounters;
  logger: Logger;
  modules: SocketModule[];
  lifecycle: SocketLifecycle;
}

interface HandshakeAuth {
  token?: unknown;
  reconnect?: unknown;
}

function authenticatedPayload(
  user: UserRow,
  unreadNotifications: number,
  unreadMessages: number,
): TAuthenticated {
  return {
    userId: user.id,
    username: user.username,
    userId7Digit: user.publicId,
    displayName: user.displayName,
    profilePicture: user.profilePicture,
    isAdmin: user.isAdmin,
    isPremium: user.isPremium,
    friendsCount: user.friendsCount,
    unreadNotifications,
    unreadMessages,
  };
}

export function attachGateway(deps: GatewayDeps): void {
  const { io, sessions, broadcaster, unread, logger } = deps;

  const { lifecycle } = deps;
  const unbind = (socket: GatewaySocket) => {
    const previous = socket.data.userId;
    if (!previous) return;
    void lifecycle
      .unbound(previous, socket.id)
      .catch((error) => logger.error({ err: error }, 'presence unbind failed'));
  };

  const bindUser = async (socket: GatewaySocket, auth: Authenticated): Promise<TAuthenticated> => {
    const [notifications, messages] = await Promise.all([
      unread.notifications(auth.user.id),
      unread.messages(auth.user.id),
    ]);
    // The client may have gone while we looked the session up; joining rooms now would leak them.
    if (!socket.connected) throw new AppError('UNAUTHORIZED', 'Disconnected');
    const sameUser = socket.data.userId === auth.user.id;
    if (socket.data.userId && !sameUser) {
      unbind(socket);
      await socket.leave(userRoom(socket.data.userId));
      if (socket.data.familyId) await socket.leave(familyRoom(socket.data.familyId));
      await socket.leave(ADMIN_ROOM);
    }
    socket.data.userId = auth.user.id;
    socket.data.familyId = auth.familyId;
    if (!sameUser) socket.data.lastTouchedAt = 0;
    const rooms = [userRoom(auth.user.id), familyRoom(auth.familyId)];
    if (auth.user.isAdmin) rooms.push(ADMIN_ROOM);
    await socket.join(rooms);
    // A logout that landed between the session check and the join disconnected the family room
    // before this socket was in it; look again now that it is, and refuse if the session is gone.
    if (!(await sessions.isLive(auth.sessionId, auth.user.id))) {
      socket.emit('force_disconnect', { reason: 'session_revoked' });
      socket.disconnect(true);
      throw new AppError('UNAUTHORIZED', 'Your session has ended. Please sign in again.');
    }
    if (!sameUser) {
      await lifecycle.bound(auth.user.id, socket.id);
      // A disconnect that raced the bind found nothing to unbind; undo the bind ourselves.
      if (!socket.connected) await lifecycle.unbound(auth.user.id, socket.id);
    }
    return authenticatedPayload(auth.user, notifications, messages);
  };

  /**
   * Seed 000: a banned account is told (`user_banned`), then disconnected with `force_disconnect`
   * reason `account_banned`. Deferred a turn, so the failed `authenticate` is acknowledged first; the
   * transport flushes what was emitted before it closes.
   */
  const disconnectBanned = (socket: GatewaySocket) => {
    setImmediate(() => {
      if (!socket.connected) return;
      socket.emit('force_disconnect', { reason: 'account_banned' });
      socket.disconnect(true);
    });
  };

  const registry = new EventRegistry(logger);
  registry.on('authenticate', async (socket, { token }) => {
    try {
      const payload = await bindUser(socket, await sessions.authenticate(token));
      socket.emit('authenticated', payload);
      return { user: payload };
    } catch (error) {
      const appError = isAppError(error) ? error : new AppError('UNAUTHORIZED', 'Authentication failed');
      socket.emit('auth_error', { message: appError.message, code: appError.code });
      // The dispatcher sends `user_banned` with the failed ack.
      if (appError.code === 'ACCOUNT_BANNED') disconnectBanned(socket);
      throw appError;
    }
  });
  registry.on('heartbeat', async (socket) => {
    const now = Date.now();
    if (socket.data.userId && now - socket.data.lastTouchedAt >= TOUCH_INTERVAL_MS) {
      // Stamped before the write, so heartbeats arriving while it runs do not write too.
      socket.data.lastTouchedAt = now;
      await lifecycle.touched(socket.data.userId);
    }
    return { serverTime: new Date().toISOString() };
  });
  const disconnectListeners: Array<(socket: GatewaySocket, reason: string) => void> = [];
  const context = {
    handle: registry.authed.bind(registry),
    open: registry.on.bind(registry),
    onDisconnect: (listener: (socket: GatewaySocket, reason: string) => void) => {
      disconnectListeners.push(listener);
    },
  };
  for (const register of deps.modules) register(context);
  const dispatch = registry.createDispatcher();

  // Shared by every socket (EventEmitter calls it with `this` bound to the socket): no per-connection closure.
  function onDisconnect(this: GatewaySocket, reason: string): void {
    for (const listener of disconnectListeners) listener(this, reason);
    unbind(this);
    void broadcaster
      .change(-1)
      .catch((error) => logger.error({ err: error }, 'online count decrement failed'));
  }

  const authenticateHandshake = (socket: GatewaySocket, token: string, isReconnect: boolean): void => {
    void sessions
      .authenticate(token)
      .then(async (auth) => {
        const payload = await bindUser(socket, auth);
        socket.emit('authenticated', payload);
        if (isReconnect) {
          socket.emit('reconnected', {
            missedNotifications: payload.unreadNotifications,
            missedMessages: payload.unreadMessages,
          });
        }
      })
      .catch((error: unknown) => {
        if (!socket.connected) return;
        const appError = isAppError(error) ? error : new AppError('UNAUTHORIZED', 'Authentication failed');
        if (!isAppError(error)) logger.error({ err: error }, 'handshake authentication failed');
        socket.emit('auth_error', { message: appError.message, code: appError.code });
        if (appError.code === 'ACCOUNT_BANNED') {
          socket.emit('user_banned', userBannedPayload(appError));
          disconnectBanned(socket);
        }
      });
  };

  io.on('connection', (socket) => {
    socket.data.userId = null;
    socket.data.familyId = null;
    socket.data.windowStart = 0;
    socket.data.windowCount = 0;
    socket.data.lastTouchedAt = 0;

    // The count changes before anything else can fail, and the disconnect handler undoes it exactly once.
    // The resulting broadcast also reaches this socket, so a new client learns the count (itself
    // included) without a separate emit.
    void broadcaster
      .change(1)
      .catch((error) => logger.error({ err: error }, 'online count increment failed'));
    socket.on('disconnect', onDisconnect);
    socket.onAny(dispatch);

    const handshake = (socket.handshake.auth ?? {}) as HandshakeAuth;
    // The token is read once; dropping it keeps a bearer credential from living as long as the socket.
    socket.handshake.auth = {};
    if (typeof handshake.token === 'string' && handshake.token.length > 0) {
      authenticateHandshake(socket, handshake.token, handshake.reconnect === true);
    }
  });
}
