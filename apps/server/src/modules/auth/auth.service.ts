import type { TRegister } from '@guftagu/contracts';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.js';
import type { RateLimiter, RateLimitRule } from '../../platform/kv/rate-limit.js';
import type { UserRow, UsersService } from '../users/index.js';
import type { OtpService } from './otp.service.js';
import type { ClientMeta, IssuedSession, SessionService } from './session.service.js';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordPolicy {
  loginsPerIp: RateLimitRule;
  loginsPerEmail: RateLimitRule;
  registrationsPerIp: RateLimitRule;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  loginsPerIp: { limit: 30, windowSeconds: 900 },
  loginsPerEmail: { limit: 10, windowSeconds: 900 },
  registrationsPerIp: { limit: 10, windowSeconds: 3600 },
};

export interface SignInResult {
  issued: IssuedSession;
  user: UserRow;
  isNewUser: boolean;
}

/**
 * Addresses under the reserved `.invalid` TLD (RFC 2606) can never receive mail; server-owned
 * accounts such as messaging's "System" use them, so nobody may sign up or in with one.
 */
const isReservedEmail = (email: string) => /\.invalid\.?$/i.test(email.trim());

function refuseReservedEmail(email: string): void {
  if (isReservedEmail(email))
    throw new AppError('VALIDATION_ERROR', 'This email address cannot be used.', { field: 'email' });
}

export class AuthService {
  /** Verified against when the email is unknown, so a login takes as long either way. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UsersService,
    private readonly otp: OtpService,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
    private readonly policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
  ) {}

  private async limit(key: string, rule: RateLimitRule): Promise<void> {
    const result = await this.limiter.hit(key, rule);
    if (!result.allowed) {
      throw new AppError('RATE_LIMITED', 'Too many attempts. Try again later.', {
        retryAfter: result.retryAfter,
      });
    }
  }

  sendOtp(email: string, meta: ClientMeta) {
    refuseReservedEmail(email);
    return this.otp.send(email, meta.ip);
  }

  async verifyOtp(email: string, code: string, meta: ClientMeta): Promise<SignInResult> {
    refuseReservedEmail(email);
    await this.otp.verify(email, code, meta.ip);
    const { user: found, created } = await this.users.createUser({ email, isVerified: true });
    let user = found;
    if (!created && !found.isVerified) {
      // Someone registered this address with a password before its owner ever proved it. The owner
      // takes the account over: the password is cleared and every session opened with it is ended.
      user = (await this.users.claimVerified(found)) ?? found;
      await this.sessions.revokeAllForUser(found.id);
    }
    const issued = await this.sessions.start(user, meta);
    return { issued, user, isNewUser: created || user.username === null };
  }

  async register(input: TRegister, meta: ClientMeta): Promise<SignInResult> {
    refuseReservedEmail(input.email);
    await this.limit(`register:ip:${meta.ip}`, this.policy.registrationsPerIp);
    const passwordHash = await hash(input.password, ARGON2_OPTIONS);
    const { user, created } = await this.users.createUser({
      email: input.email,
      username: input.username,
      passwordHash,
      isVerified: false,
    });
    if (!created)
      throw new AppError('EMAIL_TAKEN', 'An account with this email already exists.', { field: 'email' });
    const issued = await this.sessions.start(user, meta);
    return { issued, user, isNewUser: true };
  }

  async login(email: string, password: string, meta: ClientMeta): Promise<SignInResult> {
    await this.limit(`login:ip:${meta.ip}`, this.policy.loginsPerIp);
    await this.limit(`login:email:${email}`, this.policy.loginsPerEmail);
    const user = await this.users.findByEmail(email);
    if (!user?.passwordHash || isReservedEmail(user.email)) {
      this.dummyHash ??= hash('guftagu-timing-equaliser', ARGON2_OPTIONS);
      await verify(await this.dummyHash, password).catch(() => false);
      throw new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect.');
    }
    if (!(await verify(user.passwordHash, password).catch(() => false))) {
      throw new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect.');
    }
    const issued = await this.sessions.start(user, meta);
    return { issued, user, isNewUser: false };
  }
}
