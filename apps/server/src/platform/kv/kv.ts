/**
 * Short-lived shared state (OTP codes, cooldowns, rate-limit windows, the online count). In-process by
 * default; Redis when `REDIS_URL` is set so several app nodes share it. Both implementations pass the
 * same contract suite (`kv.contract.test.ts`).
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  /** Sets only when the key does not exist; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  /** Deletes the key; true when it existed, so exactly one of two racing callers wins. */
  delete(key: string): Promise<boolean>;
  /** Atomically adds `by` and returns the new value; the TTL is set when the key is created. */
  increment(key: string, ttlSeconds?: number, by?: number): Promise<number>;
  /** Remaining seconds to live: -1 without expiry, -2 when the key does not exist. */
  ttl(key: string): Promise<number>;
  close(): Promise<void>;
}

/** Fan-out between app nodes. Handlers receive what was published, already parsed. */
export interface MessageBus {
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, handler: (message: unknown) => void): Promise<void>;
  close(): Promise<void>;
}
