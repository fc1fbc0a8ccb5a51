import { defineModule } from '../../app/module.js';
import { createAuthGuard } from '../../http/auth-guard.js';
import type { Database } from '../../platform/db/client.js';
import type { KeyValueStore } from '../../platform/kv/kv.js';
import type { RateLimiter } from '../../platform/kv/rate-limit.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import type { UsersService } from '../users/index.js';
import { registerAuthRoutes } from './auth.http.js';
import { AuthService, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './auth.service.js';
import { DEFAULT_OTP_POLICY, type OtpPolicy, OtpService } from './otp.service.js';
import { SessionService } from './session.service.js';
import { AccessTokens } from './tokens.js';

export function createAuthModule(deps: {
  db: Database;
  kv: KeyValueStore;
  limiter: RateLimiter;
  mailer: Mailer;
  publisher: RealtimePublisher;
  users: UsersService;
  jwtSecret: string;
  otpSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  refreshReuseGraceSeconds: number;
  secureCookies: boolean;
  otpPolicy?: OtpPolicy | undefined;
  passwordPolicy?: PasswordPolicy | undefined;
}) {
  const tokens = new AccessTokens(deps.jwtSecret, deps.accessTokenTtlSeconds);
  const sessions = new SessionService(
    deps.db,
    tokens,
    deps.refreshTokenTtlDays,
    (familyId, reason) => deps.publisher.disconnectFamily(familyId, reason),
    deps.refreshReuseGraceSeconds,
  );
  const otp = new OtpService(
    deps.kv,
    deps.limiter,
    deps.mailer,
    deps.otpSecret,
    deps.otpPolicy ?? DEFAULT_OTP_POLICY,
  );
  const auth = new AuthService(
    deps.users,
    otp,
    sessions,
    deps.limiter,
    deps.passwordPolicy ?? DEFAULT_PASSWORD_POLICY,
  );
  const guard = createAuthGuard(sessions);
  return defineModule({
    name: 'auth',
    /** Sessions authenticate sockets too; the guard authenticates every other module's routes. */
    api: { sessions, guard },
    routes: (app) => registerAuthRoutes(app, auth, sessions, guard, { secureCookies: deps.secureCookies }),
  });
}
