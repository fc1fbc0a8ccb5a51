import { randomBytes } from 'node:crypto';
import type { TQueueState, TReportReason, TUnavailableReason } from '@guftagu/contracts';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { MessageBus } from '../../platform/kv/kv.js';
import type { Logger } from '../../platform/logger.js';
import type { ReportsService } from '../reports/index.js';
import { isBanActive } from '../users/index.js';
import { GracePeriods } from './grace-periods.js';
import { type IceConfig, type IceServers, iceServersFor } from './ice-servers.js';
import type { MatchEmitter } from './match-emitter.js';
import { concludeMatch } from './match-ending.js';
import { type EndKind, matchFoundPayload } from './match-events.js';
import {
  type LiveMatch,
  type LiveParticipant,
  type MatchQueue,
  type PairingOptions,
  type QueueEntry,
  sideOf,
} from './match-queue.js';
import type { MatchSettings } from './match-settings.js';
import { findMatchUser, insertMatch } from './matchmaking.repo.js';
import type { NetworkIdentity, NetworkRef } from './network-identity.js';
import type { NodeLiveness } from './node-liveness.js';
import { buildQueueEntry } from './queue-entry.js';
import { QueuePositions } from './queue-positions.js';
import { QueueWaits } from './queue-waits.js';

/** A participant: one socket, signed in (`userId`) or anonymous (null). */
export interface ParticipantRef extends NetworkRef {
  socketId: string;
  userId: string | null;
}

export interface MatchmakingDeps {
  db: Database;
  queue: MatchQueue;
  settings: MatchSettings;
  emitter: MatchEmitter;
  bus: MessageBus;
  ice: IceConfig;
  reports: ReportsService;
  isBlocked: (a: string, b: string) => Promise<boolean>;
  logger: Logger;
  nodeId: string;
  /** Recognises anonymous sockets of banned / blocking users (see NetworkIdentity); absent in unit setups. */
  network?: NetworkIdentity | undefined;
  /** With a shared queue: ends the seats of crashed nodes, whose partners would else wait forever. */
  liveness?: NodeLiveness | undefined;
}

const UNAVAILABLE_MESSAGES: Record<TUnavailableReason, string> = {
  maintenance: 'Video chat is down for maintenance. Please try again in a little while.',
  anonymous_disabled: 'Sign in to use video chat.',
  capacity: 'Video chat is at capacity right now. Please try again in a moment.',
};

function unavailable(reason: TUnavailableReason): AppError {
  return new AppError('SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGES[reason], { reason });
}

/** Past the queue timeout, after which a waiting entry of a dead node is dropped by shared storage. */
const ENTRY_TTL_MARGIN_MS = 60_000;

const newSecret = () => randomBytes(18).toString('base64url');

/**
 * Random video chat: queue, pairing, match lifecycle, grace periods and reports. Live state is in the
 * `MatchQueue` (atomic steps, shared by every node with Redis); timers for relaxing, queue timeouts and
 * grace periods live on the node that started them and re-check the queue before acting, so a timer
 * that lost a race does nothing.
 */
export class MatchmakingService {
  readonly positions: QueuePositions;
  private readonly waits = new QueueWaits();
  private readonly graces: GracePeriods;

  constructor(private readonly deps: MatchmakingDeps) {
    this.positions = new QueuePositions(deps.queue, deps.emitter, deps.bus, deps.logger);
    this.graces = new GracePeriods({
      ...deps,
      iceServers: (userId) => this.iceServers(userId),
      expired: (match, awaySocketId) =>
        this.conclude(match, 'disconnect', awaySocketId, { ender: false, partner: false }),
    });
    deps.settings.onChange((current, previous) => {
      if (current.maintenance && !previous.maintenance) void this.drain('maintenance');
      else if (!current.allowAnonymous && previous.allowAnonymous) void this.drain('anonymous_disabled');
    });
  }

  async start(): Promise<void> {
    await this.positions.start();
    const { liveness } = this.deps;
    if (liveness) {
      await liveness.beat();
      liveness.start(() => this.sweepDeadNodes(), this.logFailure('dead node sweep'));
    }
  }

  /**
   * Seats held by sockets of a node that stopped beating are dropped like any disconnect: the partner
   * hears `partner_disconnected` and, with nobody resuming, `match_ended` (disconnect). Every node
   * sweeps; `MatchQueue.gone` lets exactly one of them take each seat. Returns the seats taken.
   */
  async sweepDeadNodes(): Promise<number> {
    const { liveness } = this.deps;
    if (!liveness) return 0;
    const alive = new Map<string, boolean>();
    let dropped = 0;
    for (const match of await this.deps.queue.liveMatches()) {
      for (const side of [match.a, match.b]) {
        if (side.disconnectedAt !== 0 || !side.nodeId) continue;
        let nodeAlive = alive.get(side.nodeId);
        if (nodeAlive === undefined) {
          nodeAlive = await liveness.isAlive(side.nodeId);
          alive.set(side.nodeId, nodeAlive);
        }
        if (nodeAlive) continue;
        await this.disconnect(side.socketId, 'transport close');
        dropped++;
      }
    }
    return dropped;
  }

  iceServers(userId: string | null): IceServers {
    return iceServersFor(this.deps.ice, userId, Date.now());
  }

  /**
   * `GET /api/match/ice-servers`: TURN relay credentials cost bandwidth, so they go only to a
   * signed-in user who may match right now (not banned, not in maintenance). Anyone else gets STUN
   * only; `relayAvailable` still says whether a match would carry TURN (anonymous participants
   * receive their credentials in `match_found`), so the start screen can tell "hide my IP" works.
   */
  async iceServersOnRequest(userId: string | null): Promise<IceServers> {
    const settings = this.deps.settings.current();
    const stunOnly = (relayAvailable: boolean): IceServers => ({
      ...iceServersFor({ ...this.deps.ice, turnSecret: undefined }, null, Date.now()),
      relayAvailable: relayAvailable && this.iceServers(null).relayAvailable,
    });
    if (settings.maintenance) return stunOnly(false);
    if (!userId) return stunOnly(settings.allowAnonymous);
    const user = await findMatchUser(this.deps.db, userId);
    if (!user || isBanActive(user, new Date())) return stunOnly(false);
    return this.iceServers(userId);
  }

  async join(ref: ParticipantRef, interests: string[]): Promise<TQueueState> {
    const settings = this.deps.settings.current();
    if (settings.maintenance) throw unavailable('maintenance');
    if (!ref.userId && !settings.allowAnonymous) throw unavailable('anonymous_disabled');
    return this.enqueue(await this.buildEntry(ref, interests));
  }

  async leave(socketId: string): Promise<boolean> {
    this.waits.clear(socketId);
    const removed = await this.deps.queue.dequeue(socketId);
    if (removed) this.positions.changed();
    return removed !== null;
  }

  /** Next: ends the current match (both re-queued) or, when not in one, joins the queue. */
  async next(ref: ParticipantRef, interests: string[]): Promise<TQueueState> {
    const state = await this.deps.queue.state(ref.socketId);
    if (state.state === 'matched') return this.skip(ref);
    return this.join(ref, interests);
  }

  /** `skip_partner`: the skipper is re-queued at once with the same interests, and so is the partner. */
  async skip(ref: ParticipantRef, matchId?: string): Promise<TQueueState> {
    const { match, me, partner } = await this.endCurrent(ref.socketId, matchId);
    const partnerRequeued = partner.disconnectedAt === 0;
    await this.conclude(match, 'skip', me.socketId, { ender: true, partner: partnerRequeued });
    try {
      return await this.requeue(ref, me.interests);
    } finally {
      // The skipped partner goes back too, even when the skipper's own re-queue was refused. If its
      // socket closed meanwhile, the queue refuses it (MatchQueue.gone), so no dead partner is handed on.
      if (partnerRequeued) await this.requeueOther(partner);
    }
  }

  /** `end_chat` (Stop): ends the match without re-queueing anyone; while waiting, leaves the queue. */
  async stop(ref: ParticipantRef, matchId?: string): Promise<{ matchId: string | null }> {
    // Leave first (atomic: removes the entry only while it waits); when there was no entry, the socket
    // is idle or matched — possibly paired a moment ago — and that match is what Stop ends.
    if (matchId === undefined && (await this.leave(ref.socketId))) return { matchId: null };
    const { match, me } = await this.endCurrent(ref.socketId, matchId);
    await this.conclude(match, 'stop', me.socketId, { ender: false, partner: false });
    return { matchId: match.id };
  }

  /**
   * `report_partner`: ends the match and files a report with the transcript. The report is stored
   * before anyone is told "reported", so nobody is told of a report that was lost; if storing fails, the match still ends (as a Stop) and
   * the reporter gets the error.
   */
  async reportPartner(
    ref: ParticipantRef,
    input: { reason: TReportReason; description: string; matchId?: string | undefined },
  ): Promise<{ reportId: string; matchId: string }> {
    const { match, me, partner } = await this.endCurrent(ref.socketId, input.matchId);
    const party = (participant: LiveParticipant) => ({
      userId: participant.profile.userId,
      socketId: participant.socketId,
      username: participant.profile.username,
      publicId: participant.profile.publicId,
    });
    let report: { id: string };
    try {
      report = await this.deps.reports.reportFromMatch({
        reporter: party(me),
        reported: party(partner),
        matchId: match.id,
        reason: input.reason,
        description: input.description,
      });
    } catch (error) {
      await this.conclude(match, 'stop', me.socketId, { ender: false, partner: false });
      throw error;
    }
    await this.conclude(match, 'report', me.socketId, { ender: false, partner: false });
    return { reportId: report.id, matchId: match.id };
  }

  /** A socket went away: its queue entry goes; its match waits `gracePeriodMs` for a resume. */
  async disconnect(socketId: string, reason: string): Promise<void> {
    this.waits.clear(socketId);
    // One atomic step: a pairing can no longer land between "is it queued?" and "dequeue it", and
    // the socket is remembered as gone, so nothing in flight (a skip re-queueing it as the partner, a
    // REST join) can put the dead socket back in the queue afterwards.
    const awaySince = Date.now();
    const result = await this.deps.queue.gone(socketId, awaySince);
    if (result.kind === 'dequeued') this.positions.changed();
    else if (result.kind === 'away') this.graces.dropped(result.match, socketId, awaySince, reason);
  }

  /** `resume_match` (see GracePeriods). */
  resume(ref: ParticipantRef, token: string): Promise<{ matchId: string }> {
    return this.graces.resume(ref, token);
  }

  /** Takes every waiting socket out of the queue (maintenance on, or anonymous matching off). */
  async drain(reason: TUnavailableReason): Promise<void> {
    const { waiting } = await this.deps.queue.inspect();
    for (const entry of waiting) {
      if (reason === 'anonymous_disabled' && entry.profile.userId !== null) continue;
      if (!(await this.deps.queue.dequeue(entry.socketId, entry.entryId))) continue;
      this.waits.clear(entry.socketId);
      this.deps.emitter.toSocket(entry.socketId, 'matchmaking_unavailable', {
        reason,
        message: UNAVAILABLE_MESSAGES[reason],
      });
    }
    this.positions.changed();
  }

  close(): void {
    this.deps.liveness?.stop();
    this.waits.close();
    this.graces.close();
  }

  private async buildEntry(ref: ParticipantRef, interests: string[]): Promise<QueueEntry> {
    const { network } = this.deps;
    if (ref.userId) {
      const entry = await buildQueueEntry(this.deps.db, ref, interests, this.deps.nodeId);
      await network?.remember(ref, ref.userId).catch(this.logFailure('remember network'));
      return entry;
    }
    const known = network ? await network.usersOf(ref) : undefined;
    return buildQueueEntry(this.deps.db, ref, interests, this.deps.nodeId, known);
  }

  private pairingOptions(): PairingOptions {
    return {
      now: Date.now(),
      relaxAfterMs: this.deps.settings.current().relaxAfterMs,
      matchId: newId(),
      resumeTokens: [newSecret(), newSecret()],
    };
  }

  private async enqueue(entry: QueueEntry): Promise<TQueueState> {
    const settings = this.deps.settings.current();
    const result = await this.deps.queue.enqueue(entry, {
      ...this.pairingOptions(),
      maxActive: settings.maxConcurrentMatches,
      entryTtlMs: settings.queueTimeoutMs + ENTRY_TTL_MARGIN_MS,
    });
    switch (result.kind) {
      case 'busy':
        throw new AppError(
          'CONFLICT',
          result.state.state === 'queued'
            ? 'You are already waiting for a partner.'
            : 'You are already in a chat. Skip or stop it first.',
          { state: result.state.state },
        );
      case 'capacity':
        throw unavailable('capacity');
      case 'gone':
        throw new AppError('NOT_FOUND', 'That connection has closed. Reconnect and try again.', {
          gone: true,
        });
      case 'queued':
        this.startWait(entry);
        this.positions.changed();
        // Seed 000: told at once that nobody else is waiting; the socket stays queued regardless.
        if (result.totalWaiting <= 1) {
          this.deps.emitter.toSocket(entry.socketId, 'no_match_available', {
            message: 'Nobody else is looking right now. Stay here and we will match you when someone joins.',
          });
        }
        return {
          status: 'queued',
          matchId: null,
          position: result.position,
          totalWaiting: result.totalWaiting,
        };
      case 'matched': {
        const requeued = await this.startMatch(result.match, entry.socketId);
        return requeued ?? { status: 'matched', matchId: result.match.id, position: 0, totalWaiting: 0 };
      }
    }
  }

  private requeue(ref: ParticipantRef, interests: string[]): Promise<TQueueState> {
    return this.join(ref, interests);
  }

  private startWait(entry: QueueEntry): void {
    this.waits.start(entry, this.deps.settings.current(), {
      relax: (waiting) => void this.retry(waiting).catch(this.logFailure('relax')),
      expire: (waiting) => void this.expire(waiting).catch(this.logFailure('queue timeout')),
    });
  }

  private logFailure(what: string) {
    return (error: unknown) => this.deps.logger.error({ err: error }, `matchmaking ${what} failed`);
  }

  /** The relax deadline passed: the entry may now be paired with anyone compatible. */
  private async retry(entry: QueueEntry): Promise<void> {
    const match = await this.deps.queue.retry(entry.socketId, entry.entryId, this.pairingOptions());
    if (match) await this.startMatch(match);
  }

  private async expire(entry: QueueEntry): Promise<void> {
    const removed = await this.deps.queue.dequeue(entry.socketId, entry.entryId);
    if (!removed) return;
    this.deps.emitter.toSocket(entry.socketId, 'queue_timeout', {
      waitTime: Math.round((Date.now() - removed.joinedAt) / 1000),
    });
    this.positions.changed();
  }

  /**
   * Announces a pair the queue just made. Returns null when the match started; otherwise (a block
   * appeared meanwhile) both sides are back in the queue and the state of `socketId` is returned.
   * If the database fails before the match is recorded, the pair is undone: the other side is
   * told it is no longer waiting and the caller's step fails, so nobody sits in an unannounced match.
   */
  private async startMatch(match: LiveMatch, socketId?: string): Promise<TQueueState | null> {
    const now = Date.now();
    for (const side of [match.a, match.b]) {
      const wait = this.waits.clear(side.socketId);
      if (wait) this.positions.recordWait(now - wait.joinedAt);
    }
    this.positions.changed();
    const [userA, userB] = [match.a.profile.userId, match.b.profile.userId];
    let blocked = false;
    try {
      // Exclusions were read when each side joined; a block made while they waited still applies.
      blocked = userA !== null && userB !== null && (await this.deps.isBlocked(userA, userB));
      if (!blocked) await insertMatch(this.deps.db, match);
    } catch (error) {
      if (await this.deps.queue.endMatch(match.id)) {
        for (const side of [match.a, match.b]) {
          if (side.socketId === socketId) continue;
          this.deps.emitter.toSocket(side.socketId, 'queue_timeout', {
            waitTime: Math.round((now - match.startedAt) / 1000),
          });
        }
      }
      throw error;
    }
    if (blocked) {
      let mine: TQueueState | null = null;
      if (await this.deps.queue.endMatch(match.id)) {
        for (const side of [match.a, match.b]) {
          const state = await this.requeueOther(side);
          if (side.socketId === socketId) mine = state;
        }
      }
      return mine ?? { status: 'queued', matchId: null, position: 0, totalWaiting: 0 };
    }
    for (const [me, partner] of [
      [match.a, match.b],
      [match.b, match.a],
    ] as const) {
      this.deps.emitter.toSocket(
        me.socketId,
        'match_found',
        matchFoundPayload(match, me, partner, this.iceServers(me.profile.userId)),
      );
    }
    await this.graces.announceAbsences(match.id);
    return null;
  }

  /**
   * Puts a participant back in the queue on someone else's step (a skip, an undone pair). A socket
   * that closed meanwhile is refused by the queue and needs no word; otherwise a refusal is told to
   * the participant, whose client would else believe it is waiting.
   */
  private async requeueOther(side: LiveParticipant): Promise<TQueueState | null> {
    try {
      return await this.requeue(
        { socketId: side.socketId, userId: side.profile.userId, ...side.network },
        side.interests,
      );
    } catch (error) {
      this.deps.logger.info({ err: error }, 'participant not re-queued');
      if (!(error instanceof AppError)) {
        this.deps.emitter.toSocket(side.socketId, 'queue_timeout', { waitTime: 0 });
        return null;
      }
      if (error.details?.gone === true || error.code === 'CONFLICT') return null;
      const reason = error.details?.reason;
      if (reason === 'maintenance' || reason === 'anonymous_disabled' || reason === 'capacity') {
        this.deps.emitter.toSocket(side.socketId, 'matchmaking_unavailable', {
          reason,
          message: UNAVAILABLE_MESSAGES[reason],
        });
      } else {
        this.deps.emitter.toSocket(side.socketId, 'queue_timeout', { waitTime: 0 });
      }
      return null;
    }
  }

  /** Ends the caller's current match in the queue (exactly once) or explains why it cannot. */
  private async endCurrent(socketId: string, matchId: string | undefined) {
    const state = await this.deps.queue.state(socketId);
    if (state.state !== 'matched') throw new AppError('CONFLICT', 'You are not in a chat.');
    if (matchId !== undefined && matchId !== state.matchId)
      throw new AppError('CONFLICT', 'That chat has already ended.');
    const match = await this.deps.queue.endMatch(state.matchId);
    const sides = match ? sideOf(match, socketId) : null;
    if (!match || !sides) throw new AppError('CONFLICT', 'That chat has already ended.');
    return { match, ...sides };
  }

  private conclude(
    match: LiveMatch,
    kind: EndKind,
    enderSocketId: string,
    requeued: { ender: boolean; partner: boolean },
  ): Promise<void> {
    return concludeMatch(this.deps, match, kind, enderSocketId, requeued);
  }
}
