import type { FastifyInstance } from 'fastify';
import type { AuthGuard } from '../http/auth-guard.js';
import type { SocketLifecycle, UnreadCounters } from '../realtime/gateway.js';
import type { SocketModule } from '../realtime/socket-module.js';

/** Work a module repeats on every node while the server runs; each run must be idempotent. */
export interface ModuleJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * What a module adds to a running server. The server walks a list of these (see `app/modules.ts`),
 * so a new module is one more entry in that list and never a change to `startServer`.
 */
export interface ServerModule<Api = unknown> {
  readonly name: string;
  /** The module's service, for the composition root to hand to modules that depend on it. */
  readonly api: Api;
  routes?(app: FastifyInstance, guard: AuthGuard): void;
  socket?: SocketModule;
  /** Counts the module adds to the `authenticated` and `reconnected` payloads. */
  unread?: Partial<UnreadCounters>;
  /**
   * Told when a socket becomes a user's and when it stops being one. Bound hooks run in list order,
   * unbound hooks in reverse, so a module sees a socket go before the modules it depends on do.
   */
  lifecycle?: Partial<SocketLifecycle>;
  jobs?: ModuleJob[];
  /** Runs after every module is built and before the server accepts connections. */
  start?(): Promise<void>;
  /** Runs after the sockets and the HTTP server are closed and before the database closes. */
  stop?(): Promise<void>;
}

export function defineModule<Api>(module: ServerModule<Api>): ServerModule<Api> {
  return module;
}
