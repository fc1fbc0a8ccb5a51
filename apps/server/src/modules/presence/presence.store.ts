import type { Redis } from 'ioredis';

/**
 * Which sockets each user has open, across every node. A user is online while the set is non-empty;
 * `add` and `remove` report the transitions (first socket in, last socket out) so exactly one caller
 * announces each change, whichever node its socket is on. Both are idempotent.
 */
export interface PresenceStore {
  add(userId: string, socketId: string): Promise<boolean>;
  remove(userId: string, socketId: string): Promise<boolean>;
  isOnline(userId: string): Promise<boolean>;
  /**
   * Drops the sockets of nodes that died without closing them, and returns the users whose last socket
   * that was: they went offline with no disconnect to say so. Each such user is returned to exactly one
   * caller, whichever node sweeps first.
   */
  sweepDeadNodes(): Promise<string[]>;
}

export class MemoryPresenceStore implements PresenceStore {
  private readonly sockets = new Map<string, Set<string>>();

  async add(userId: string, socketId: string): Promise<boolean> {
    const set = this.sockets.get(userId) ?? new Set<string>();
    this.sockets.set(userId, set);
    const before = set.size;
    set.add(socketId);
    return before === 0 && set.size === 1;
  }

  async remove(userId: string, socketId: string): Promise<boolean> {
    const set = this.sockets.get(userId);
    if (!set?.delete(socketId)) return false;
    if (set.size > 0) return false;
    this.sockets.delete(userId);
    return true;
  }

  async isOnline(userId: string): Promise<boolean> {
    return (this.sockets.get(userId)?.size ?? 0) > 0;
  }

  /** One process holds every socket: none can belong to a dead node. */
  async sweepDeadNodes(): Promise<string[]> {
    return [];
  }
}

/**
 * Members are `nodeId|socketId`. Members of nodes whose liveness key (kept by the online counter)
 * has expired are dropped when the set changes (ADD, REMOVE) and by the periodic sweep (PRUNE), which
 * reports the user that this left with no socket, so a crashed node's users go offline within the
 * liveness TTL plus one sweep, not at their next change. Reading (COUNT_LIVE) never drops anything: a
 * drop that nobody reports would leave the user online in the database for ever.
 */
const COUNT_LIVE = `
local live = 0
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local node = string.match(member, '^([^|]+)|')
  if node and redis.call('EXISTS', ARGV[1] .. node) == 1 then live = live + 1 end
end
return live`;

const PRUNE = `
local live = 0
local dropped = 0
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local node = string.match(member, '^([^|]+)|')
  if node and redis.call('EXISTS', ARGV[1] .. node) == 1 then live = live + 1
  else
    redis.call('SREM', KEYS[1], member)
    dropped = dropped + 1
  end
end
if dropped > 0 and live == 0 then return 1 end
return 0`;

const LIVE_COUNT = `
local members = redis.call('SMEMBERS', KEYS[1])
local live = 0
for _, member in ipairs(members) do
  local node = string.match(member, '^([^|]+)|')
  if node and redis.call('EXISTS', ARGV[1] .. node) == 1 then live = live + 1 else redis.call('SREM', KEYS[1], member) end
end
return live`;

const ADD = `
local added = redis.call('SADD', KEYS[1], ARGV[2])
${LIVE_COUNT.replace('return live', '')}
if added == 1 and live == 1 then return 1 end
return 0`;

const REMOVE = `
local removed = redis.call('SREM', KEYS[1], ARGV[2])
${LIVE_COUNT.replace('return live', '')}
if removed == 1 and live == 0 then return 1 end
return 0`;

export class RedisPresenceStore implements PresenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly nodeId: string,
    /** Prefix of the node liveness keys written by RedisOnlineCounter. */
    private readonly alivePrefix: string,
  ) {}

  private key(userId: string): string {
    return `${this.prefix}:presence:${userId}`;
  }

  async add(userId: string, socketId: string): Promise<boolean> {
    return (
      (await this.redis.eval(ADD, 1, this.key(userId), this.alivePrefix, `${this.nodeId}|${socketId}`)) === 1
    );
  }

  async remove(userId: string, socketId: string): Promise<boolean> {
    return (
      (await this.redis.eval(REMOVE, 1, this.key(userId), this.alivePrefix, `${this.nodeId}|${socketId}`)) ===
      1
    );
  }

  async isOnline(userId: string): Promise<boolean> {
    return Number(await this.redis.eval(COUNT_LIVE, 1, this.key(userId), this.alivePrefix)) > 0;
  }

  async sweepDeadNodes(): Promise<string[]> {
    const offline: string[] = [];
    const keyPrefix = `${this.prefix}:presence:`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        if ((await this.redis.eval(PRUNE, 1, key, this.alivePrefix)) === 1)
          offline.push(key.slice(keyPrefix.length));
      }
    } while (cursor !== '0');
    return offline;
  }
}
