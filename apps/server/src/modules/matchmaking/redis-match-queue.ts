import type { Redis } from 'ioredis';
import {
  type EnqueueOptions,
  type EnqueueResult,
  GONE_TTL_SECONDS,
  type GoneResult,
  type GraceCheck,
  type LiveMatch,
  type LiveParticipant,
  type MatchQueue,
  PAIRING_SCAN_LIMIT,
  type PairingOptions,
  type QueueEntry,
  type QueueSnapshot,
  RECENT_PARTNER_TTL_SECONDS,
  type SocketState,
} from './match-queue.js';
import {
  DEQUEUE,
  END_MATCH,
  ENQUEUE,
  GONE,
  MARK_DISCONNECTED,
  RESUME,
  RETRY,
} from './redis-match-queue.lua.js';

type ScriptName =
  | 'mmEnqueue'
  | 'mmRetry'
  | 'mmDequeue'
  | 'mmEndMatch'
  | 'mmGone'
  | 'mmMarkDisconnected'
  | 'mmResume';
type Scripted = Redis & Record<ScriptName, (...args: string[]) => Promise<unknown>>;

/** cjson turns empty arrays into `{}`; everything read back from a script goes through these. */
const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

function normalizeEntry(raw: string): QueueEntry {
  const entry = JSON.parse(raw) as QueueEntry;
  return { ...entry, interests: asArray(entry.interests), excluded: asArray(entry.excluded) };
}

function normalizeParticipant(participant: LiveParticipant): LiveParticipant {
  return { ...participant, interests: asArray(participant.interests) };
}

function normalizeMatch(raw: string): LiveMatch {
  const match = JSON.parse(raw) as LiveMatch;
  return {
    ...match,
    a: normalizeParticipant(match.a),
    b: normalizeParticipant(match.b),
    commonInterests: asArray(match.commonInterests),
  };
}

/**
 * The queue for several app nodes: every step is one Lua script (see redis-match-queue.lua.ts), so
 * users on two nodes are paired exactly once and a match ends exactly once whichever node ends it.
 */
export class RedisMatchQueue implements MatchQueue {
  private readonly redis: Scripted;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    const scripts: Record<ScriptName, string> = {
      mmEnqueue: ENQUEUE,
      mmRetry: RETRY,
      mmDequeue: DEQUEUE,
      mmEndMatch: END_MATCH,
      mmGone: GONE,
      mmMarkDisconnected: MARK_DISCONNECTED,
      mmResume: RESUME,
    };
    for (const [name, lua] of Object.entries(scripts)) {
      if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: 0, lua });
    }
    this.redis = redis as Scripted;
  }

  private key(name: string): string {
    return `${this.prefix}:mm:${name}`;
  }

  async enqueue(entry: QueueEntry, options: EnqueueOptions): Promise<EnqueueResult> {
    const reply = (await this.redis.mmEnqueue(
      this.prefix,
      JSON.stringify(entry),
      String(options.now),
      String(options.relaxAfterMs),
      String(options.maxActive),
      options.matchId,
      options.resumeTokens[0],
      options.resumeTokens[1],
      String(PAIRING_SCAN_LIMIT),
      String(options.entryTtlMs),
    )) as [string, ...Array<string | number>];
    switch (reply[0]) {
      case 'busy':
        return { kind: 'busy', state: JSON.parse(String(reply[1])) as SocketState };
      case 'capacity':
        return { kind: 'capacity' };
      case 'gone':
        return { kind: 'gone' };
      case 'matched':
        return { kind: 'matched', match: normalizeMatch(String(reply[1])) };
      default:
        return { kind: 'queued', position: Number(reply[1]), totalWaiting: Number(reply[2]) };
    }
  }

  async retry(socketId: string, entryId: string, options: PairingOptions): Promise<LiveMatch | null> {
    const reply = (await this.redis.mmRetry(
      this.prefix,
      socketId,
      entryId,
      String(options.now),
      String(options.relaxAfterMs),
      options.matchId,
      options.resumeTokens[0],
      options.resumeTokens[1],
      String(PAIRING_SCAN_LIMIT),
    )) as string | null;
    return reply ? normalizeMatch(reply) : null;
  }

  async dequeue(socketId: string, entryId?: string): Promise<QueueEntry | null> {
    const reply = (await this.redis.mmDequeue(this.prefix, socketId, entryId ?? '')) as string | null;
    return reply ? normalizeEntry(reply) : null;
  }

  async state(socketId: string): Promise<SocketState> {
    const raw = await this.redis.get(this.key(`sock:${socketId}`));
    return raw ? (JSON.parse(raw) as SocketState) : { state: 'idle' };
  }

  async getMatch(matchId: string): Promise<LiveMatch | null> {
    const raw = await this.redis.get(this.key(`match:${matchId}`));
    return raw ? normalizeMatch(raw) : null;
  }

  async endMatch(matchId: string, onlyIfAway?: GraceCheck): Promise<LiveMatch | null> {
    const reply = (await this.redis.mmEndMatch(
      this.prefix,
      matchId,
      onlyIfAway?.resumeToken ?? '',
      String(RECENT_PARTNER_TTL_SECONDS),
      String(onlyIfAway?.disconnectedAt ?? 0),
    )) as string | null;
    return reply ? normalizeMatch(reply) : null;
  }

  async gone(socketId: string, now: number): Promise<GoneResult> {
    const reply = (await this.redis.mmGone(this.prefix, socketId, String(now), String(GONE_TTL_SECONDS))) as [
      string,
      string?,
    ];
    if (reply[0] === 'dequeued' && reply[1]) return { kind: 'dequeued', entry: normalizeEntry(reply[1]) };
    if (reply[0] === 'away' && reply[1]) return { kind: 'away', match: normalizeMatch(reply[1]) };
    return { kind: 'idle' };
  }

  async markDisconnected(matchId: string, socketId: string, now: number): Promise<LiveMatch | null> {
    const reply = (await this.redis.mmMarkDisconnected(this.prefix, matchId, socketId, String(now))) as
      | string
      | null;
    return reply ? normalizeMatch(reply) : null;
  }

  async resume(
    matchId: string,
    resumeToken: string,
    socketId: string,
    userId: string | null,
    nodeId?: string,
  ) {
    const reply = (await this.redis.mmResume(
      this.prefix,
      matchId,
      resumeToken,
      socketId,
      userId ?? '',
      nodeId ?? '',
    )) as [string, string?];
    if (reply[0] === 'resumed' && reply[1])
      return { kind: 'resumed' as const, match: normalizeMatch(reply[1]) };
    return { kind: reply[0] === 'busy' ? ('busy' as const) : ('not_found' as const) };
  }

  async waiting(): Promise<string[]> {
    return this.redis.zrange(this.key('queue'), 0, -1);
  }

  async activeCount(): Promise<number> {
    return this.redis.scard(this.key('matches'));
  }

  async liveMatches(): Promise<LiveMatch[]> {
    const ids = await this.redis.smembers(this.key('matches'));
    const raw = ids.length ? await this.redis.mget(ids.map((id) => this.key(`match:${id}`))) : [];
    return raw.filter((value): value is string => value !== null).map(normalizeMatch);
  }

  async inspect(): Promise<QueueSnapshot> {
    const waitingIds = await this.waiting();
    const matchIds = await this.redis.smembers(this.key('matches'));
    const entries = waitingIds.length
      ? await this.redis.mget(waitingIds.map((id) => this.key(`entry:${id}`)))
      : [];
    const matches = matchIds.length
      ? await this.redis.mget(matchIds.map((id) => this.key(`match:${id}`)))
      : [];
    const sockets: Record<string, SocketState> = {};
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', this.key('sock:*'), 'COUNT', 500);
      cursor = next;
      const values = keys.length ? await this.redis.mget(keys) : [];
      keys.forEach((key, index) => {
        const value = values[index];
        if (value) sockets[key.slice(this.key('sock:').length)] = JSON.parse(value) as SocketState;
      });
    } while (cursor !== '0');
    return {
      waiting: entries.filter((raw): raw is string => raw !== null).map(normalizeEntry),
      matches: matches.filter((raw): raw is string => raw !== null).map(normalizeMatch),
      sockets,
    };
  }

  async close(): Promise<void> {}
}
