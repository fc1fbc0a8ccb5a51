/**
 * The live side of matchmaking: who is waiting, who is matched with whom. Every method is one atomic
 * step (a synchronous block in memory, one Lua script in Redis), so two nodes racing to pair the same
 * socket, or a skip racing a disconnect, always see one winner. The database only records matches.
 */

/** Who a participant is, as the partner sees it. */
export interface ParticipantProfile {
  userId: string | null;
  username: string;
  publicId: string | null;
  displayName: string;
  profilePicture: string | null;
}

/**
 * What a participant is to exclusion lists: `u:<userId>` for a signed-in user (every tab of the same
 * person has the same identity, so you are never matched with yourself), `s:<socketId>` for anonymous.
 */
export function identityOf(userId: string | null, socketId: string): string {
  return userId ? `u:${userId}` : `s:${socketId}`;
}

export interface QueueEntry {
  /** Distinguishes this wait from a later one of the same socket, so stale timers do nothing. */
  entryId: string;
  socketId: string;
  /** The node that enqueued it (diagnostics; delivery is by socket id and works from any node). */
  nodeId: string;
  identity: string;
  profile: ParticipantProfile;
  interests: string[];
  joinedAt: number;
  /** Identities never to be paired with: blocked either way, reported, and the partner just left. */
  excluded: string[];
  /** Browser and address of an anonymous socket, kept so a re-queue on someone else's step keeps its rules. */
  network?: { device?: string | null; ip?: string | null } | undefined;
}

export interface LiveParticipant {
  socketId: string;
  identity: string;
  profile: ParticipantProfile;
  interests: string[];
  /** Lets the same person (or anonymous client) take their place back after a reconnect. */
  resumeToken: string;
  /** Epoch ms when the socket dropped; 0 while connected. */
  disconnectedAt: number;
  network?: QueueEntry['network'];
  /** The app node holding the socket: if that node dies, another node ends the seat, so its partner is not
   * left waiting for a socket that will never come back. */
  nodeId?: string | undefined;
}

export interface LiveMatch {
  id: string;
  startedAt: number;
  /** `a` is user 1 of the stored row: the one who waited longer. */
  a: LiveParticipant;
  b: LiveParticipant;
  commonInterests: string[];
  matchedByInterests: boolean;
}

export interface GraceCheck {
  resumeToken: string;
  disconnectedAt: number;
}

export type SocketState =
  | { state: 'idle' }
  | { state: 'queued'; entryId: string }
  | { state: 'matched'; matchId: string; partnerSocketId: string };

export interface PairingOptions {
  now: number;
  relaxAfterMs: number;
  /** Used only if this step makes a pair. */
  matchId: string;
  resumeTokens: [string, string];
}

export interface EnqueueOptions extends PairingOptions {
  /** 0 means no limit. */
  maxActive: number;
  /**
   * How long a waiting entry may outlive its node: normally the queue timeout removes it, but if the
   * node dies, shared storage drops it after this long.
   */
  entryTtlMs: number;
}

export type EnqueueResult =
  | { kind: 'queued'; position: number; totalWaiting: number }
  | { kind: 'matched'; match: LiveMatch }
  | { kind: 'busy'; state: SocketState }
  | { kind: 'capacity' }
  /** The socket has already disconnected: it may never wait or be matched again. */
  | { kind: 'gone' };

/** What `gone` found and undid for a socket that disconnected. */
export type GoneResult =
  | { kind: 'idle' }
  | { kind: 'dequeued'; entry: QueueEntry }
  | { kind: 'away'; match: LiveMatch };

export interface QueueSnapshot {
  waiting: QueueEntry[];
  matches: LiveMatch[];
  sockets: Record<string, SocketState>;
}

export interface MatchQueue {
  /**
   * Puts a socket in the queue unless it is already queued or matched, and pairs it at once with the
   * best waiting partner: the most common interests first; anyone compatible once both sides are
   * relaxed (no interests, or waited `relaxAfterMs`). Refused when `maxActive` matches are running.
   */
  enqueue(entry: QueueEntry, options: EnqueueOptions): Promise<EnqueueResult>;
  /** Pairs a waiting entry again (its relax deadline passed); null when nothing changed. */
  retry(socketId: string, entryId: string, options: PairingOptions): Promise<LiveMatch | null>;
  /** Removes a waiting entry (any entry of the socket when `entryId` is omitted). */
  dequeue(socketId: string, entryId?: string): Promise<QueueEntry | null>;
  state(socketId: string): Promise<SocketState>;
  getMatch(matchId: string): Promise<LiveMatch | null>;
  /**
   * Ends a match exactly once: the first caller gets it, later callers null. Both sockets become idle
   * and remember each other as the partner just left. With `onlyIfAway`, ends only if that participant
   * (by resume token) is still away since exactly `disconnectedAt`: a grace timer of an earlier drop
   * that lost to a resume (and a later drop) does nothing.
   */
  endMatch(matchId: string, onlyIfAway?: GraceCheck): Promise<LiveMatch | null>;
  /**
   * The socket disconnected, in one atomic step: a waiting entry is removed, a matched participant is
   * marked away (`disconnectedAt = now`) and waits for a resume, and the socket id is remembered as
   * gone so that no later `enqueue`/`resume` (a skip re-queueing its partner, a REST call, a join
   * that was in flight) can bring the dead socket back as somebody's partner.
   */
  gone(socketId: string, now: number): Promise<GoneResult>;
  /** The socket dropped: its participant waits for a resume; its socket state is gone. */
  markDisconnected(matchId: string, socketId: string, now: number): Promise<LiveMatch | null>;
  /**
   * A new socket takes a disconnected participant's place. `userId` must be the participant's when the
   * participant was signed in. `busy` when the new socket is queued or matched itself.
   */
  resume(
    matchId: string,
    resumeToken: string,
    socketId: string,
    userId: string | null,
    nodeId?: string,
  ): Promise<{ kind: 'resumed'; match: LiveMatch } | { kind: 'busy' } | { kind: 'not_found' }>;
  /** Waiting socket ids, longest wait first. */
  waiting(): Promise<string[]>;
  activeCount(): Promise<number>;
  /** Every running match (for the dead-node sweep). */
  liveMatches(): Promise<LiveMatch[]>;
  /** Everything, for the admin console's live view and consistency checks. */
  inspect(): Promise<QueueSnapshot>;
  close(): Promise<void>;
}

/** How long "the partner you just left" stays excluded for a socket. */
export const RECENT_PARTNER_TTL_SECONDS = 600;
/** How long a disconnected socket id stays refused (ids are never reused; this outlives any step in flight). */
export const GONE_TTL_SECONDS = 600;
/**
 * Pairing considers the 256 longest-waiting *compatible* entries, bounding the cost of one step.
 * Incompatible ones (blocked, reported, same person) do not use up that budget: else a harasser
 * parking 256 sockets would hide everyone behind them from their victim. They are bounded separately.
 */
export const PAIRING_SCAN_LIMIT = 256;
/** At most this many waiting entries are looked at in one step, compatible or not. */
export const PAIRING_EXAMINE_LIMIT = PAIRING_SCAN_LIMIT * 4;

function isRelaxed(entry: QueueEntry, now: number, relaxAfterMs: number): boolean {
  return entry.interests.length === 0 || now - entry.joinedAt >= relaxAfterMs;
}

export function areCompatible(a: QueueEntry, b: QueueEntry): boolean {
  return (
    a.socketId !== b.socketId &&
    a.identity !== b.identity &&
    !a.excluded.includes(b.identity) &&
    !b.excluded.includes(a.identity)
  );
}

export interface Pairing {
  partner: QueueEntry;
  commonInterests: string[];
  matchedByInterests: boolean;
}

/**
 * The pairing rule (mirrored line by line in the Redis Lua script): the candidate with the most
 * common interests, the longest-waiting on ties; failing that, the longest-waiting compatible
 * candidate, but only once both sides are relaxed.
 */
export function choosePartner(
  me: QueueEntry,
  candidates: Iterable<QueueEntry>,
  now: number,
  relaxAfterMs: number,
): Pairing | null {
  let best: Pairing | null = null;
  let fallback: QueueEntry | null = null;
  const meRelaxed = isRelaxed(me, now, relaxAfterMs);
  let scanned = 0;
  let examined = 0;
  for (const candidate of candidates) {
    if (examined++ >= PAIRING_EXAMINE_LIMIT) break;
    if (!areCompatible(me, candidate)) continue;
    if (scanned++ >= PAIRING_SCAN_LIMIT) break;
    const common = me.interests.filter((interest) => candidate.interests.includes(interest));
    if (common.length > (best?.commonInterests.length ?? 0)) {
      best = { partner: candidate, commonInterests: common, matchedByInterests: true };
    } else if (!fallback && meRelaxed && isRelaxed(candidate, now, relaxAfterMs)) {
      fallback = candidate;
    }
  }
  if (best) return best;
  return fallback ? { partner: fallback, commonInterests: [], matchedByInterests: false } : null;
}

export function participantOf(entry: QueueEntry, resumeToken: string): LiveParticipant {
  return {
    socketId: entry.socketId,
    identity: entry.identity,
    profile: entry.profile,
    interests: entry.interests,
    resumeToken,
    disconnectedAt: 0,
    ...(entry.network ? { network: entry.network } : {}),
    nodeId: entry.nodeId,
  };
}

/** The side of `match` that `socketId` is, or null. */
export function sideOf(
  match: LiveMatch,
  socketId: string,
): { me: LiveParticipant; partner: LiveParticipant } | null {
  if (match.a.socketId === socketId) return { me: match.a, partner: match.b };
  if (match.b.socketId === socketId) return { me: match.b, partner: match.a };
  return null;
}
