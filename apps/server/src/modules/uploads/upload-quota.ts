import type { KeyValueStore } from '../../platform/kv/kv.js';

export interface ByteQuotaRule {
  /** Bytes one user may store in any window. */
  limit: number;
  windowSeconds: number;
}

/** Bytes counted against one window bucket; handed back to `refund` when the upload is rolled back. */
export interface QuotaCharge {
  key: string;
  bytes: number;
}

export type ChargeResult = { allowed: true; charge: QuotaCharge } | { allowed: false; retryAfter: number };

interface Usage {
  currentKey: string;
  previous: number;
  current: number;
  /** How far into the current bucket we are, in ms (0 ≤ elapsedMs < windowMs). */
  elapsedMs: number;
}

/**
 * Bytes a user may upload per rolling window, shared by every app node through the KV store. A sliding
 * window counter: one counter per fixed bucket, and the usage is the current bucket plus the previous
 * one weighted by how much of it still lies inside the window. Unlike a plain fixed window it cannot be
 * doubled by uploading at the end of one window and again at the start of the next.
 */
export class ByteQuota {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly rule: ByteQuotaRule,
    private readonly now: () => number = Date.now,
  ) {}

  private bucketKey(userId: string, index: number): string {
    return `uploads:bytes:${userId}:${index}`;
  }

  /** A bucket must outlive the window after it, where it is still counted as the previous one. */
  private get bucketTtl(): number {
    return this.rule.windowSeconds * 2;
  }

  private async usage(userId: string, addToCurrent = 0): Promise<Usage> {
    const windowMs = this.rule.windowSeconds * 1000;
    const now = this.now();
    const index = Math.floor(now / windowMs);
    const currentKey = this.bucketKey(userId, index);
    const [current, previous] = await Promise.all([
      addToCurrent > 0
        ? this.kv.increment(currentKey, this.bucketTtl, addToCurrent)
        : this.kv.get(currentKey).then(Number),
      this.kv.get(this.bucketKey(userId, index - 1)).then(Number),
    ]);
    // A refund racing a bucket's expiry could leave a negative count; it must never grant extra room.
    return {
      currentKey,
      current: Math.max(0, current || 0),
      previous: Math.max(0, previous || 0),
      elapsedMs: now - index * windowMs,
    };
  }

  private get windowMs(): number {
    return this.rule.windowSeconds * 1000;
  }

  /** Whole numbers multiplied before dividing, so a bucket boundary gives exact values. */
  private used(usage: Usage): number {
    return (usage.previous * (this.windowMs - usage.elapsedMs)) / this.windowMs + usage.current;
  }

  /** Seconds until `needed` more bytes fit, assuming nothing else is uploaded meanwhile; at least 1. */
  private retryAfter(usage: Usage, needed: number): number {
    const windowMs = this.windowMs;
    const { previous, current, elapsedMs } = usage;
    const left = windowMs - elapsedMs;
    const room = this.rule.limit - needed - current;
    let ms: number;
    if (room >= 0) {
      // The previous bucket fades out within the current one.
      ms = left - (room * windowMs) / previous;
    } else {
      // The current bucket must fade out too, within the next one; if even an empty window is too
      // small, the whole window has to pass.
      const roomNext = this.rule.limit - needed;
      ms = left + (roomNext >= 0 ? windowMs - (roomNext * windowMs) / current : windowMs);
    }
    return Math.max(1, Math.ceil(ms / 1000));
  }

  /** Seconds to wait when the user has no room left at all, or undefined when they may upload. */
  async exhausted(userId: string): Promise<number | undefined> {
    const usage = await this.usage(userId);
    return this.used(usage) >= this.rule.limit ? this.retryAfter(usage, 1) : undefined;
  }

  /**
   * Counts `bytes` against the user's window when they fit. Counting first and checking after keeps it
   * one atomic step on the store: of two racing uploads that together would pass the limit, the one that
   * does is taken back, so the limit holds across requests and nodes.
   */
  async charge(userId: string, bytes: number): Promise<ChargeResult> {
    const usage = await this.usage(userId, bytes);
    if (this.used(usage) <= this.rule.limit)
      return { allowed: true, charge: { key: usage.currentKey, bytes } };
    await this.kv.increment(usage.currentKey, this.bucketTtl, -bytes);
    return {
      allowed: false,
      retryAfter: this.retryAfter({ ...usage, current: usage.current - bytes }, bytes),
    };
  }

  /** Takes back charges of an upload that was rolled back: nothing of it is stored. */
  async refund(charges: QuotaCharge[]): Promise<void> {
    await Promise.all(charges.map((charge) => this.kv.increment(charge.key, this.bucketTtl, -charge.bytes)));
  }
}
