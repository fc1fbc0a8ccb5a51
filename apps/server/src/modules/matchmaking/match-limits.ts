import { AppError } from '../../platform/errors.js';
import type { RateLimiter, RateLimitRule } from '../../platform/kv/rate-limit.js';

export interface MatchLimitRules {
  /** chat_message per person (user, or address when anonymous), across all their sockets and nodes. */
  chat: RateLimitRule;
  /** report_partner and POST /api/report/user per person. */
  report: RateLimitRule;
}

export const DEFAULT_MATCH_LIMITS: MatchLimitRules = {
  chat: { limit: 30, windowSeconds: 10 },
  report: { limit: 10, windowSeconds: 3600 },
};

/** A connection_quality report is stored at most this often per socket; the rest are dropped. */
const QUALITY_INTERVAL_MS = 5000;
/** A repeated typing_start within this window says nothing new and is dropped. */
const TYPING_REPEAT_MS = 2000;

/**
 * Abuse limits of video chat. The event registry's 40 events/s is per socket and anyone may
 * open many sockets, so the costly events are also limited per person on the shared store; the
 * fire-and-forget signals (typing, connection quality) are throttled per socket and dropped silently.
 */
export class MatchLimits {
  readonly rules: MatchLimitRules;
  private readonly lastQuality = new Map<string, number>();
  private readonly lastTyping = new Map<string, { typing: boolean; at: number }>();

  constructor(
    private readonly limiter: RateLimiter | undefined,
    rules: Partial<MatchLimitRules> = {},
  ) {
    this.rules = { ...DEFAULT_MATCH_LIMITS, ...rules };
  }

  /** Throws RATE_LIMITED once `who` (user id, or `ip:<address>`) used up the rule's window. */
  async hit(kind: keyof MatchLimitRules, who: string): Promise<void> {
    if (!this.limiter) return;
    const result = await this.limiter.hit(`mm-${kind}:${who}`, this.rules[kind]);
    if (!result.allowed) {
      throw new AppError(
        'RATE_LIMITED',
        kind === 'chat'
          ? 'You are sending messages too fast. Wait a moment.'
          : 'Too many reports. Try later.',
        { retryAfter: result.retryAfter },
      );
    }
  }

  /** True when this socket's quality report should be stored now. */
  qualityDue(socketId: string, now = Date.now()): boolean {
    const last = this.lastQuality.get(socketId) ?? 0;
    if (now - last < QUALITY_INTERVAL_MS) return false;
    this.lastQuality.set(socketId, now);
    return true;
  }

  /** True when a typing change should be relayed: every change, and a repeat only after a while. */
  typingDue(socketId: string, typing: boolean, now = Date.now()): boolean {
    const last = this.lastTyping.get(socketId);
    if (last && last.typing === typing && now - last.at < TYPING_REPEAT_MS) return false;
    this.lastTyping.set(socketId, { typing, at: now });
    return true;
  }

  forget(socketId: string): void {
    this.lastQuality.delete(socketId);
    this.lastTyping.delete(socketId);
  }
}

/** Who a limit counts against: the account, or the address of an anonymous socket. */
export function limitKeyOf(ref: { socketId: string; userId: string | null; ip?: string | null }): string {
  return ref.userId ?? (ref.ip ? `ip:${ref.ip}` : `s:${ref.socketId}`);
}
