import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { defineModule } from '../../app/module.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import type { Database } from '../../platform/db/client.js';
import type { KeyValueStore, MessageBus } from '../../platform/kv/kv.js';
import { RateLimiter } from '../../platform/kv/rate-limit.js';
import type { Logger } from '../../platform/logger.js';
import type { SocketModule } from '../../realtime/socket-module.js';
import type { GatewayServer } from '../../realtime/types.js';
import type { ReportsService } from '../reports/index.js';
import { clientIpResolver } from './client-ip.js';
import type { IceConfig } from './ice-servers.js';
import { type MatchLimitRules, MatchLimits } from './match-limits.js';
import type { MatchQueue } from './match-queue.js';
import { MatchRelay } from './match-relay.js';
import { MatchSettings, type MatchSettingsValues } from './match-settings.js';
import { registerMatchRoutes } from './matchmaking.http.js';
import { MatchmakingService } from './matchmaking.service.js';
import { createMatchEmitter, matchmakingSocketHandlers } from './matchmaking.socket.js';
import { MemoryMatchQueue } from './memory-match-queue.js';
import { issueDevice, NetworkIdentity } from './network-identity.js';
import { NodeLiveness } from './node-liveness.js';
import { RedisMatchQueue } from './redis-match-queue.js';

const SETTINGS_CHANGED = 'matchmaking:settings';

/** A settings change as it travels between nodes; unknown or invalid fields are refused. */
const ZSettingsChange = z
  .object({
    maxConcurrentMatches: z.number().int().min(0),
    queueTimeoutMs: z.number().int().min(1000),
    gracePeriodMs: z.number().int().min(0),
    relaxAfterMs: z.number().int().min(0),
    allowAnonymous: z.boolean(),
    maintenance: z.boolean(),
  })
  .partial()
  .strict();

export interface Matchmaking {
  service: MatchmakingService;
  /** This node's settings (read them here; change them with `updateSettings`). */
  settings: MatchSettings;
  /** Changes the settings on every node (published on the bus), e.g. from the admin console. */
  updateSettings(change: Partial<MatchSettingsValues>): Promise<void>;
  queue: MatchQueue;
  /** Per-person abuse limits (rules are adjustable, e.g. by tests). */
  limits: MatchLimits;
  socketModule: SocketModule;
  registerRoutes(app: FastifyInstance, guard: AuthGuard): void;
  close(): Promise<void>;
}

/** Builds the video chat module for one node; the composition root only wires it. */
export async function createMatchmaking(deps: {
  db: Database;
  io: GatewayServer;
  bus: MessageBus;
  redis: { client: Redis; prefix: string } | undefined;
  settings: MatchSettingsValues;
  ice: IceConfig;
  isBlocked: (a: string, b: string) => Promise<boolean>;
  /** Where reports made from inside a match are stored. */
  reports: ReportsService;
  logger: Logger;
  nodeId: string;
  /** Recognising anonymous sockets of banned/blocking users (see NetworkIdentity); without it, only accounts bind. */
  kv?: KeyValueStore | undefined;
  trustProxy?: false | string[] | undefined;
  limits?: Partial<MatchLimitRules> | undefined;
  /** How often this node proves it is alive, so others end its seats only after it died. */
  heartbeatMs?: number | undefined;
  secureCookies?: boolean | undefined;
}): Promise<Matchmaking> {
  const queue: MatchQueue = deps.redis
    ? new RedisMatchQueue(deps.redis.client, deps.redis.prefix)
    : new MemoryMatchQueue();
  const settings = new MatchSettings(deps.settings);
  const emitter = createMatchEmitter(deps.io);
  const service = new MatchmakingService({
    db: deps.db,
    queue,
    settings,
    emitter,
    bus: deps.bus,
    ice: deps.ice,
    reports: deps.reports,
    isBlocked: deps.isBlocked,
    logger: deps.logger,
    nodeId: deps.nodeId,
    network: deps.kv ? new NetworkIdentity(deps.kv) : undefined,
    // Only a shared queue outlives a node; in memory, the queue dies with its only node.
    liveness: deps.kv && deps.redis ? new NodeLiveness(deps.kv, deps.nodeId, deps.heartbeatMs) : undefined,
  });
  if (deps.kv) {
    // Every Socket.IO handshake without a device id gets one (see NetworkIdentity).
    deps.io.engine.on(
      'initial_headers',
      (headers: Record<string, string | string[]>, request: IncomingMessage) => {
        const cookie = issueDevice(request, deps.secureCookies ?? false);
        if (cookie) headers['set-cookie'] = cookie;
      },
    );
  }
  const clientIp = clientIpResolver(deps.trustProxy ?? false);
  const limits = new MatchLimits(deps.kv ? new RateLimiter(deps.kv) : undefined, deps.limits);
  await service.start();
  await deps.bus.subscribe(SETTINGS_CHANGED, (message) => {
    const change = ZSettingsChange.safeParse(message);
    if (change.success) settings.update(change.data);
    else deps.logger.warn({ issues: change.error.issues }, 'bad matchmaking settings change');
  });
  const relay = new MatchRelay(deps.db, queue, emitter);
  return {
    service,
    settings,
    queue,
    limits,
    socketModule: matchmakingSocketHandlers(service, relay, clientIp, limits),
    async updateSettings(change) {
      await deps.bus.publish(SETTINGS_CHANGED, ZSettingsChange.parse(change));
    },
    registerRoutes(app, guard) {
      registerMatchRoutes(app, { service, emitter, db: deps.db, guard });
    },
    async close() {
      service.close();
      await queue.close();
    },
  };
}

export async function createMatchmakingModule(deps: Parameters<typeof createMatchmaking>[0]) {
  const matchmaking = await createMatchmaking(deps);
  return defineModule({
    name: 'matchmaking',
    api: matchmaking,
    routes: (app, guard) => matchmaking.registerRoutes(app, guard),
    socket: matchmaking.socketModule,
    stop: () => matchmaking.close(),
  });
}
