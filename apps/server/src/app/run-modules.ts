import type { FastifyInstance } from 'fastify';
import type { AuthGuard } from '../http/auth-guard.js';
import type { Logger } from '../platform/logger.js';
import { NO_UNREAD, type SocketLifecycle, type UnreadCounters } from '../realtime/gateway.js';
import type { SocketModule } from '../realtime/socket-module.js';
import type { ServerModule } from './module.js';

export function registerRoutes(modules: ServerModule[], app: FastifyInstance, guard: AuthGuard): void {
  for (const module of modules) module.routes?.(app, guard);
}

export function socketModules(modules: ServerModule[]): SocketModule[] {
  return modules.flatMap((module) => (module.socket ? [module.socket] : []));
}

export function unreadCounters(modules: ServerModule[]): UnreadCounters {
  return Object.assign({}, NO_UNREAD, ...modules.map((module) => module.unread));
}

/** Bound hooks run in list order; unbound hooks in reverse, so dependents let go first. */
export function socketLifecycle(modules: ServerModule[]): SocketLifecycle {
  const hooks = modules.flatMap((module) => (module.lifecycle ? [module.lifecycle] : []));
  return {
    async bound(userId, socketId) {
      for (const hook of hooks) await hook.bound?.(userId, socketId);
    },
    async unbound(userId, socketId) {
      for (const hook of [...hooks].reverse()) await hook.unbound?.(userId, socketId);
    },
    async touched(userId) {
      for (const hook of hooks) await hook.touched?.(userId);
    },
  };
}

/** Starts every module's jobs; returns what stops them. */
export function startJobs(modules: ServerModule[], logger: Logger): () => void {
  const timers = modules.flatMap((module) =>
    (module.jobs ?? []).map((job) => {
      const timer = setInterval(() => {
        void job.run().catch((error) => logger.error({ err: error }, `${job.name} failed`));
      }, job.everyMs);
      timer.unref();
      return timer;
    }),
  );
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}

export async function startModules(modules: ServerModule[]): Promise<void> {
  for (const module of modules) await module.start?.();
}

/** Stops modules in reverse order, each even if another failed. */
export async function stopModules(modules: ServerModule[], logger: Logger): Promise<void> {
  for (const module of [...modules].reverse()) {
    await module
      .stop?.()
      .catch((error) => logger.error({ err: error, module: module.name }, 'module stop failed'));
  }
}
