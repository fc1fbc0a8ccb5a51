import type { KeyValueStore } from './kv.js';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets (0 when allowed). */
  retryAfter: number;
}

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window limiter on the shared store, so a limit holds across every app node. Fixed windows
 * allow a burst of 2× at a boundary; for login and OTP limits that is acceptable and it costs one
 * round trip.
 */
export class RateLimiter {
  constructor(private readonly store: KeyValueStore) {}

  async hit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
    const storeKey = `rl:${key}`;
    const count = await this.store.increment(storeKey, rule.windowSeconds);
    if (count <= rule.limit) return { allowed: true, remaining: rule.limit - count, retryAfter: 0 };
    const ttl = await this.store.ttl(storeKey);
    return { allowed: false, remaining: 0, retryAfter: ttl > 0 ? ttl : rule.windowSeconds };
  }
}
