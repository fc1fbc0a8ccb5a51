import {
  choosePartner,
  type EnqueueOptions,
  type EnqueueResult,
  GONE_TTL_SECONDS,
  type GoneResult,
  type GraceCheck,
  type LiveMatch,
  type MatchQueue,
  type PairingOptions,
  participantOf,
  type QueueEntry,
  type QueueSnapshot,
  RECENT_PARTNER_TTL_SECONDS,
  type SocketState,
} from './match-queue.js';

/**
 * Single-node queue. Every method body runs without an `await` before it returns, so each one is a
 * single atomic step on the event loop, like the Lua scripts of the Redis queue.
 */
export class MemoryMatchQueue implements MatchQueue {
  /** Insertion order is join order: a Map iterates oldest first. */
  private readonly entries = new Map<string, QueueEntry>();
  private readonly sockets = new Map<string, SocketState>();
  private readonly matches = new Map<string, LiveMatch>();
  private readonly recent = new Map<string, { identity: string; until: number }>();
  /** Disconnected socket ids → until when they are refused. */
  private readonly departed = new Map<string, number>();

  private isGone(socketId: string): boolean {
    return (this.departed.get(socketId) ?? 0) > Date.now();
  }

  async enqueue(entry: QueueEntry, options: EnqueueOptions): Promise<EnqueueResult> {
    const current = this.sockets.get(entry.socketId);
    if (current) return { kind: 'busy', state: current };
    if (this.isGone(entry.socketId)) return { kind: 'gone' };
    if (options.maxActive > 0 && this.matches.size >= options.maxActive) return { kind: 'capacity' };
    const recent = this.recent.get(entry.socketId);
    const me: QueueEntry =
      recent && recent.until > options.now
        ? { ...entry, excluded: [...entry.excluded, recent.identity] }
        : entry;
    const match = this.pair(me, options);
    if (match) return { kind: 'matched', match };
    this.entries.set(me.socketId, me);
    this.sockets.set(me.socketId, { state: 'queued', entryId: me.entryId });
    return { kind: 'queued', position: this.entries.size, totalWaiting: this.entries.size };
  }

  async retry(socketId: string, entryId: string, options: PairingOptions): Promise<LiveMatch | null> {
    const me = this.entries.get(socketId);
    if (!me || me.entryId !== entryId) return null;
    return this.pair(me, options);
  }

  private pair(me: QueueEntry, options: PairingOptions): LiveMatch | null {
    const others = [...this.entries.values()].filter((entry) => entry.socketId !== me.socketId);
    const pairing = choosePartner(me, others, options.now, options.relaxAfterMs);
    if (!pairing) return null;
    const [first, second] =
      pairing.partner.joinedAt <= me.joinedAt ? [pairing.partner, me] : [me, pairing.partner];
    const match: LiveMatch = {
      id: options.matchId,
      startedAt: options.now,
      a: participantOf(first, options.resumeTokens[0]),
      b: participantOf(second, options.resumeTokens[1]),
      commonInterests: pairing.commonInterests,
      matchedByInterests: pairing.matchedByInterests,
    };
    for (const entry of [first, second]) this.entries.delete(entry.socketId);
    this.matches.set(match.id, match);
    this.sockets.set(match.a.socketId, {
      state: 'matched',
      matchId: match.id,
      partnerSocketId: match.b.socketId,
    });
    this.sockets.set(match.b.socketId, {
      state: 'matched',
      matchId: match.id,
      partnerSocketId: match.a.socketId,
    });
    return structuredClone(match);
  }

  async dequeue(socketId: string, entryId?: string): Promise<QueueEntry | null> {
    const entry = this.entries.get(socketId);
    if (!entry || (entryId !== undefined && entry.entryId !== entryId)) return null;
    this.entries.delete(socketId);
    this.sockets.delete(socketId);
    return entry;
  }

  async state(socketId: string): Promise<SocketState> {
    return this.sockets.get(socketId) ?? { state: 'idle' };
  }

  async getMatch(matchId: string): Promise<LiveMatch | null> {
    const match = this.matches.get(matchId);
    return match ? structuredClone(match) : null;
  }

  async endMatch(matchId: string, onlyIfAway?: GraceCheck): Promise<LiveMatch | null> {
    const match = this.matches.get(matchId);
    if (!match) return null;
    if (onlyIfAway !== undefined) {
      const away = [match.a, match.b].find((side) => side.resumeToken === onlyIfAway.resumeToken);
      if (!away || away.disconnectedAt === 0 || away.disconnectedAt !== onlyIfAway.disconnectedAt)
        return null;
    }
    this.matches.delete(matchId);
    const until = Date.now() + RECENT_PARTNER_TTL_SECONDS * 1000;
    for (const [me, partner] of [
      [match.a, match.b],
      [match.b, match.a],
    ] as const) {
      const state = this.sockets.get(me.socketId);
      if (state?.state === 'matched' && state.matchId === matchId) this.sockets.delete(me.socketId);
      this.recent.set(me.socketId, { identity: partner.identity, until });
    }
    this.pruneRecent();
    return match;
  }

  /** Recent-partner marks and departures of long-gone sockets would otherwise accumulate. */
  private pruneRecent(): void {
    const now = Date.now();
    if (this.recent.size >= 10_000) {
      for (const [socketId, mark] of this.recent) if (mark.until <= now) this.recent.delete(socketId);
    }
    if (this.departed.size >= 10_000) {
      for (const [socketId, until] of this.departed) if (until <= now) this.departed.delete(socketId);
    }
  }

  async gone(socketId: string, now: number): Promise<GoneResult> {
    this.departed.set(socketId, Date.now() + GONE_TTL_SECONDS * 1000);
    this.pruneRecent();
    const state = this.sockets.get(socketId);
    if (!state) return { kind: 'idle' };
    if (state.state === 'queued') {
      const entry = this.entries.get(socketId);
      this.entries.delete(socketId);
      this.sockets.delete(socketId);
      return entry ? { kind: 'dequeued', entry } : { kind: 'idle' };
    }
    this.sockets.delete(socketId);
    if (state.state !== 'matched') return { kind: 'idle' };
    const match = this.markAway(state.matchId, socketId, now);
    return match ? { kind: 'away', match } : { kind: 'idle' };
  }

  async markDisconnected(matchId: string, socketId: string, now: number): Promise<LiveMatch | null> {
    return this.markAway(matchId, socketId, now);
  }

  private markAway(matchId: string, socketId: string, now: number): LiveMatch | null {
    const match = this.matches.get(matchId);
    const side = match
      ? [match.a, match.b].find((participant) => participant.socketId === socketId)
      : undefined;
    if (!match || !side) return null;
    side.disconnectedAt = now;
    this.sockets.delete(socketId);
    return structuredClone(match);
  }

  async resume(
    matchId: string,
    resumeToken: string,
    socketId: string,
    userId: string | null,
    nodeId?: string,
  ) {
    const match = this.matches.get(matchId);
    const side = match
      ? [match.a, match.b].find((participant) => participant.resumeToken === resumeToken)
      : undefined;
    if (!match || !side || side.disconnectedAt === 0) return { kind: 'not_found' as const };
    if (side.profile.userId !== null && side.profile.userId !== userId) return { kind: 'not_found' as const };
    if (this.isGone(socketId)) return { kind: 'not_found' as const };
    if (this.sockets.has(socketId)) return { kind: 'busy' as const };
    const partner = side === match.a ? match.b : match.a;
    side.socketId = socketId;
    side.disconnectedAt = 0;
    if (nodeId) side.nodeId = nodeId;
    this.sockets.set(socketId, { state: 'matched', matchId, partnerSocketId: partner.socketId });
    const partnerState = this.sockets.get(partner.socketId);
    if (partnerState?.state === 'matched' && partnerState.matchId === matchId) {
      this.sockets.set(partner.socketId, { ...partnerState, partnerSocketId: socketId });
    }
    return { kind: 'resumed' as const, match: structuredClone(match) };
  }

  async waiting(): Promise<string[]> {
    return [...this.entries.keys()];
  }

  async activeCount(): Promise<number> {
    return this.matches.size;
  }

  async liveMatches(): Promise<LiveMatch[]> {
    return structuredClone([...this.matches.values()]);
  }

  async inspect(): Promise<QueueSnapshot> {
    return structuredClone({
      waiting: [...this.entries.values()],
      matches: [...this.matches.values()],
      sockets: Object.fromEntries(this.sockets),
    });
  }

  async close(): Promise<void> {}
}
