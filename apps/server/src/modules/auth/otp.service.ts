import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import type { KeyValueStore } from '../../platform/kv/kv.js';
import type { RateLimiter, RateLimitRule } from '../../platform/kv/rate-limit.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { otpMail } from '../../platform/mail/templates.js';

export interface OtpPolicy {
  ttlSeconds: number;
  maxAttempts: number;
  resendCooldownSeconds: number;
  sendsPerEmail: RateLimitRule;
  sendsPerIp: RateLimitRule;
  verifiesPerIp: RateLimitRule;
}

export const DEFAULT_OTP_POLICY: OtpPolicy = {
  ttlSeconds: 600,
  maxAttempts: 5,
  resendCooldownSeconds: 60,
  sendsPerEmail: { limit: 5, windowSeconds: 3600 },
  sendsPerIp: { limit: 20, windowSeconds: 3600 },
  verifiesPerIp: { limit: 30, windowSeconds: 900 },
};

interface StoredOtp {
  mac: string;
  issuedAt: number;
}

const INVALID = () => new AppError('INVALID_OTP', 'That code is invalid or has expired. Request a new one.');

/**
 * Email one-time codes. The code itself is never stored: only an HMAC keyed by a server secret, under
 * a key that expires with the code. Attempts are counted atomically per issued code, so five wrong
 * guesses burn it even when they arrive concurrently.
 */
export class OtpService {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly limiter: RateLimiter,
    private readonly mailer: Mailer,
    private readonly secret: string,
    private readonly policy: OtpPolicy = DEFAULT_OTP_POLICY,
  ) {}

  private mac(email: string, code: string): string {
    return createHmac('sha256', this.secret).update(`${email}:${code}`).digest('hex');
  }

  async send(email: string, ip: string): Promise<{ resendAfter: number; expiresIn: number }> {
    const cooldownKey = `otp:cooldown:${email}`;
    const cooldown = async () => {
      const retryAfter = Math.max(1, await this.kv.ttl(cooldownKey));
      return new AppError('OTP_COOLDOWN', `Please wait ${retryAfter}s before requesting another code.`, {
        retryAfter,
      });
    };
    // A resend inside the cooldown is refused before it counts against the hourly limits.
    if ((await this.kv.ttl(cooldownKey)) > 0) throw await cooldown();
    for (const [key, rule] of [
      [`otp-send:ip:${ip}`, this.policy.sendsPerIp],
      [`otp-send:email:${email}`, this.policy.sendsPerEmail],
    ] as const) {
      const result = await this.limiter.hit(key, rule);
      if (!result.allowed) {
        throw new AppError('RATE_LIMITED', 'Too many codes requested. Try again later.', {
          retryAfter: result.retryAfter,
        });
      }
    }

    // Two concurrent sends can both pass the check above; exactly one sets the cooldown and proceeds.
    if (!(await this.kv.setIfAbsent(cooldownKey, '1', this.policy.resendCooldownSeconds)))
      throw await cooldown();

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const stored: StoredOtp = { mac: this.mac(email, code), issuedAt: Date.now() };
    await this.kv.set(`otp:code:${email}`, JSON.stringify(stored), this.policy.ttlSeconds);
    await this.kv.delete(`otp:attempts:${email}`);
    try {
      await this.mailer.send(otpMail(email, code, Math.round(this.policy.ttlSeconds / 60)));
    } catch (error) {
      // The code never reached the user: forget it and lift the cooldown so they can retry at once.
      await this.kv.delete(`otp:code:${email}`);
      await this.kv.delete(cooldownKey);
      throw error;
    }
    return { resendAfter: this.policy.resendCooldownSeconds, expiresIn: this.policy.ttlSeconds };
  }

  /** Resolves when the code is right and consumes it; otherwise throws a deliberately generic error. */
  async verify(email: string, code: string, ip: string): Promise<void> {
    const ipLimit = await this.limiter.hit(`otp-verify:ip:${ip}`, this.policy.verifiesPerIp);
    if (!ipLimit.allowed) {
      throw new AppError('RATE_LIMITED', 'Too many attempts. Try again later.', {
        retryAfter: ipLimit.retryAfter,
      });
    }
    const codeKey = `otp:code:${email}`;
    const raw = await this.kv.get(codeKey);
    if (!raw) throw INVALID();
    const stored = JSON.parse(raw) as StoredOtp;

    const attempts = await this.kv.increment(`otp:attempts:${email}`, this.policy.ttlSeconds);
    if (attempts > this.policy.maxAttempts) {
      await this.kv.delete(codeKey);
      throw new AppError('OTP_LOCKED', 'Too many wrong codes. Request a new code.');
    }

    const expected = Buffer.from(stored.mac, 'hex');
    const actual = Buffer.from(this.mac(email, code), 'hex');
    if (!timingSafeEqual(expected, actual)) {
      if (attempts >= this.policy.maxAttempts) {
        await this.kv.delete(codeKey);
        throw new AppError('OTP_LOCKED', 'Too many wrong codes. Request a new code.');
      }
      throw INVALID();
    }
    // Single use: of two concurrent correct submissions only the one that deletes the key wins.
    if (!(await this.kv.delete(codeKey))) throw INVALID();
    await this.kv.delete(`otp:attempts:${email}`);
  }
}
