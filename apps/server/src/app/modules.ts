import type { Env } from '../env.js';
import { isProduction } from '../env.js';
import { createAuthModule, type OtpPolicy, type PasswordPolicy } from '../modules/auth/index.js';
import { createCallsModule } from '../modules/calls/index.js';
import { createChannelMessagesModule } from '../modules/channel-messages/index.js';
import { createCommunitiesModule } from '../modules/communities/index.js';
import { createMatchmakingModule, findMatchForReport, splitUrls } from '../modules/matchmaking/index.js';
import { createMessagingModule, systemAccount } from '../modules/messaging/index.js';
import { createNotificationsModule } from '../modules/notifications/index.js';
import { createPresenceModule } from '../modules/presence/index.js';
import { createReportsModule } from '../modules/reports/index.js';
import { createSocialModule } from '../modules/social/index.js';
import { createUploadsModule } from '../modules/uploads/index.js';
import { createUsersModule } from '../modules/users/index.js';
import { createVoiceModule } from '../modules/voice/index.js';
import type { Logger } from '../platform/logger.js';
import type { RealtimePublisher } from '../realtime/publisher.js';
import type { GatewayServer } from '../realtime/types.js';
import type { ServerModule } from './module.js';
import type { Platform } from './platform.js';

export interface ModuleOptions {
  env: Env;
  logger: Logger;
  jwtSecret: string;
  otpSecret: string;
  otpPolicy?: OtpPolicy | undefined;
  passwordPolicy?: PasswordPolicy | undefined;
}

/**
 * Builds every module of the server, each handed the services of the modules it depends on, and
 * lists them in the order the server starts them. A new module is one more entry here.
 */
export async function createModules(
  platform: Platform,
  realtime: { io: GatewayServer; publisher: RealtimePublisher },
  options: ModuleOptions,
) {
  const { env, logger } = options;
  const { kv, limiter, storage, nodeId } = platform;
  const db = platform.database.db;
  const { publisher } = realtime;
  const secureCookies = isProduction(env) || (env.APP_URL?.startsWith('https://') ?? false);

  const notifications = createNotificationsModule({ db, publisher });
  const social = createSocialModule({
    db,
    publisher,
    notifications: notifications.api,
    maxFriends: env.MAX_FRIENDS_PER_USER,
    logger,
  });
  const users = createUsersModule({
    db,
    storage,
    adminEmails: new Set(
      env.ADMIN_EMAILS.split(',')
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),
    relationship: (viewerId, targetId) => social.api.relationship(viewerId, targetId),
    onProfileChanged: (user) => void social.api.announceProfileChange(user),
  });
  const auth = createAuthModule({
    db,
    kv,
    limiter,
    mailer: platform.mailer,
    publisher,
    users: users.api,
    jwtSecret: options.jwtSecret,
    otpSecret: options.otpSecret,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
    secureCookies,
    otpPolicy: options.otpPolicy,
    passwordPolicy: options.passwordPolicy,
  });
  const presence = createPresenceModule({
    db,
    publisher,
    redis: platform.redis,
    nodeId,
    friendIds: (userId) => social.api.friendIds(userId),
    logger,
  });
  const uploads = createUploadsModule({
    db,
    storage,
    limiter,
    rateLimit: { limit: env.UPLOAD_RATE_LIMIT, windowSeconds: 600 },
    kv,
    byteQuota: { limit: env.UPLOAD_BYTES_PER_DAY, windowSeconds: 86_400 },
    concurrency: { perUser: env.UPLOAD_CONCURRENCY_PER_USER, total: env.UPLOAD_CONCURRENCY_TOTAL },
    idleTimeoutMs: env.UPLOAD_IDLE_TIMEOUT_SECONDS * 1000,
    logger,
  });
  const reports = createReportsModule({
    db,
    matches: { findMatch: (matchId) => findMatchForReport(db, matchId) },
    // Reports share video chat's abuse limits; the closure runs per request, after both exist.
    limit: (userId) => matchmaking.api.limits.hit('report', userId),
  });
  const matchmaking = await createMatchmakingModule({
    db,
    io: realtime.io,
    bus: platform.bus,
    redis: platform.redis,
    settings: {
      maxConcurrentMatches: env.MATCH_MAX_CONCURRENT,
      queueTimeoutMs: env.MATCH_QUEUE_TIMEOUT_MS,
      gracePeriodMs: env.MATCH_GRACE_MS,
      relaxAfterMs: env.MATCH_RELAX_AFTER_MS,
      allowAnonymous: env.MATCH_ALLOW_ANONYMOUS,
      maintenance: env.MATCH_MAINTENANCE,
    },
    ice: {
      stunUrls: splitUrls(env.STUN_URLS),
      turnUrls: splitUrls(env.TURN_URLS),
      turnSecret: env.TURN_SECRET,
      ttlSeconds: env.TURN_TTL_SECONDS,
    },
    isBlocked: (a, b) => social.api.isBlocked(a, b),
    reports: reports.api,
    logger,
    nodeId,
    kv,
    limits: {
      chat: { limit: env.MATCH_CHAT_RATE_LIMIT, windowSeconds: 10 },
      report: { limit: env.MATCH_REPORT_RATE_LIMIT, windowSeconds: 3600 },
    },
    trustProxy: env.TRUST_PROXY,
    secureCookies,
  });
  const messaging = createMessagingModule({
    db,
    publisher,
    notifications: notifications.api,
    attachments: uploads.api,
    kv,
    logger,
    systemUser: systemAccount(users.api),
    limiter,
    sendRateLimit: { limit: env.DM_SEND_RATE_LIMIT, windowSeconds: 10 },
  });

  const calls = createCallsModule({
    db,
    io: realtime.io,
    publisher,
    messaging: messaging.api,
    notifications: notifications.api,
    logger,
    ringTimeoutMs: env.CALL_RING_TIMEOUT_MS,
    graceMs: env.CALL_GRACE_MS,
    sweepMs: env.CALL_SWEEP_MS,
  });

  const communities = createCommunitiesModule({
    db,
    publisher,
    storage,
    logger,
    limits: {
      serversPerUser: env.MAX_SERVERS_PER_USER,
      channelsPerServer: env.MAX_CHANNELS_PER_SERVER,
      rolesPerServer: env.MAX_ROLES_PER_SERVER,
      membersPerServer: env.MAX_MEMBERS_PER_SERVER,
    },
    appUrl: env.APP_URL ?? '',
  });

  // Members of a community see each other's presence, not only friends.
  presence.api.onChange((change) => communities.api.announceMemberPresence(change));

  const channelMessages = createChannelMessagesModule({
    db,
    publisher,
    communities: communities.api,
    notifications: notifications.api,
    attachments: uploads.api,
    blockedIds: async (userId) => (await social.api.listBlocked(userId)).map((card) => card.userId),
    limiter,
    sendRateLimit: { limit: env.DM_SEND_RATE_LIMIT, windowSeconds: 10 },
    logger,
  });

  const voice = createVoiceModule({
    db,
    publisher,
    communities: communities.api,
    logger,
    // A voice session's signaling socket gets the same grace as a call's.
    graceMs: env.CALL_GRACE_MS,
    sweepMs: env.CALL_SWEEP_MS,
  });

  // Socket hooks run in this order (presence before messaging on connect, the reverse on disconnect).
  const list: ServerModule[] = [
    auth,
    users,
    social,
    notifications,
    presence,
    uploads,
    reports,
    matchmaking,
    messaging,
    communities,
    channelMessages,
    calls,
    voice,
  ];
  return {
    list,
    sessions: auth.api.sessions,
    guard: auth.api.guard,
    matchmaking: matchmaking.api,
    messaging: messaging.api,
    uploads: uploads.api,
  };
}
