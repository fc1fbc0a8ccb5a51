import type { TCallOutcome, TCallSession, TCallType, TSignalData } from '@guftagu/contracts';
import { and, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { runAfterCommit } from '../../platform/after-commit.js';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import { userRoom } from '../../realtime/publisher.js';
import type { GatewayServer } from '../../realtime/types.js';
import type { Messaging } from '../messaging/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { findUserById } from '../users/index.js';
import { callLine, initialVoiceState, participant, person, toCallSession, voiceState } from './calls.dto.js';
import { type DmCallRow, dmCallSlots, dmCalls, type StoredVoiceState } from './calls.schema.js';

export interface CallsDeps {
  db: Database;
  io: GatewayServer;
  publisher: RealtimePublisher;
  messaging: Pick<Messaging, 'assertMayCall' | 'sendCallLine'>;
  notifications: Pick<NotificationsService, 'notify'>;
  logger: Logger;
  ringTimeoutMs: number;
  graceMs: number;
}

/** Why a call is being finished; the outcome follows from this and the call's state. */
type Finish =
  | { kind: 'timeout' }
  | { kind: 'decline'; by: string }
  | { kind: 'hangup'; by: string }
  | { kind: 'dropped'; by: string };

const LIVE = ne(dmCalls.status, 'ended');

/**
 * 1:1 calls (issue 12). The database is the only place a call's state lives, so every node sees the
 * same call; each transition is one conditional statement or a row lock, and the slot table keeps
 * one live call per user. Services publish after commit.
 */
export class CallsService {
  constructor(private readonly deps: CallsDeps) {}

  private get db() {
    return this.deps.db;
  }

  private async requireCall(userId: string, sessionId: string): Promise<DmCallRow> {
    const [row] = await this.db.select().from(dmCalls).where(eq(dmCalls.id, sessionId));
    // Someone else's call looks exactly like no call: its existence is nobody else's business.
    if (!row || (row.callerId !== userId && row.calleeId !== userId))
      throw new AppError('NOT_FOUND', 'No such call.');
    return row;
  }

  private async isOnline(userId: string): Promise<boolean> {
    const sockets = await this.deps.io.in(userRoom(userId)).fetchSockets();
    return sockets.length > 0;
  }

  async start(
    callerId: string,
    socketId: string | null,
    recipientId: string,
    isVideo: boolean,
  ): Promise<{ session: TCallSession; ringsUntil: string }> {
    if (recipientId === callerId)
      throw new AppError('VALIDATION_ERROR', "You can't call yourself.", { field: 'recipientId' });
    const [caller, callee] = await Promise.all([
      findUserById(this.db, callerId),
      findUserById(this.db, recipientId),
    ]);
    if (!caller || !callee || callee.isBanned) throw new AppError('NOT_FOUND', 'No user with that ID');
    await this.deps.messaging.assertMayCall(callerId, recipientId);
    if (!(await this.isOnline(recipientId)))
      throw new AppError('OFFLINE', `${callee.username ?? 'This user'} is offline.`);

    const type: TCallType = isVideo ? 'video' : 'voice';
    const row = await this.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(dmCalls)
        .values({
          id: newId(),
          callerId,
          calleeId: recipientId,
          callType: type,
          callerSocketId: socketId,
          callerState: initialVoiceState(type),
          calleeState: initialVoiceState(type),
          ringDeadline: sql`now() + make_interval(secs => ${this.deps.ringTimeoutMs / 1000})`,
        })
        .returning();
      if (!inserted) throw new Error('call insert returned nothing');
      const claimed = await tx
        .insert(dmCallSlots)
        .values([
          { userId: callerId, callId: inserted.id },
          { userId: recipientId, callId: inserted.id },
        ])
        .onConflictDoNothing()
        .returning({ userId: dmCallSlots.userId });
      if (!claimed.some((slot) => slot.userId === callerId))
        throw new AppError('BUSY', "You're already in a call.");
      if (claimed.length < 2)
        throw new AppError('BUSY', `${callee.username ?? 'This user'} is in another call.`);
      return inserted;
    });

    const ringsUntil = row.ringDeadline.toISOString();
    const { publisher, logger } = this.deps;
    await runAfterCommit(
      logger,
      'call ringing',
      () =>
        publisher.toUser(callerId, 'dm_call_started', {
          sessionId: row.id,
          recipientId,
          isVideo,
          status: 'calling',
          recipient: person(callee),
          ringsUntil,
        }),
      () =>
        publisher.toUser(recipientId, 'incoming_dm_call', {
          sessionId: row.id,
          callerId,
          caller: person(caller),
          isVideo,
          ringsUntil,
        }),
    );
    return { session: toCallSession(row), ringsUntil };
  }

  /** The first tab to answer wins; any later answer (another tab, another node) is refused. */
  async answer(userId: string, socketId: string | null, sessionId: string) {
    const [row] = await this.db
      .update(dmCalls)
      .set({ status: 'active', answeredAt: sql`now()`, calleeSocketId: socketId })
      .where(
        and(
          eq(dmCalls.id, sessionId),
          eq(dmCalls.calleeId, userId),
          eq(dmCalls.status, 'ringing'),
          sql`${dmCalls.ringDeadline} > now()`,
        ),
      )
      .returning();
    if (!row) {
      const existing = await this.requireCall(userId, sessionId);
      if (existing.callerId === userId && existing.calleeId !== userId)
        throw new AppError('FORBIDDEN', 'Only the person called can answer.');
      throw new AppError('CONFLICT', 'This call was already answered or has ended.');
    }
    const [caller, callee] = await Promise.all([
      findUserById(this.db, row.callerId),
      findUserById(this.db, row.calleeId),
    ]);
    const participants =
      caller && callee ? [participant(caller, row.callerState), participant(callee, row.calleeState)] : [];
    const payload = {
      sessionId: row.id,
      participants,
      answeredAt: row.answeredAt?.toISOString() ?? new Date().toISOString(),
    };
    await runAfterCommit(
      this.deps.logger,
      'call answered',
      () => this.deps.publisher.toUser(row.callerId, 'dm_call_answered', payload),
      () => this.deps.publisher.toUser(row.calleeId, 'dm_call_answered', payload),
    );
    return { session: toCallSession(row), participants };
  }

  async decline(userId: string, sessionId: string): Promise<void> {
    const row = await this.requireCall(userId, sessionId);
    if (row.calleeId !== userId) throw new AppError('FORBIDDEN', 'Only the person called can decline.');
    if (!(await this.finish(sessionId, { kind: 'decline', by: userId })))
      throw new AppError('CONFLICT', 'This call was already answered or has ended.');
  }

  async end(userId: string, sessionId: string): Promise<TCallSession> {
    await this.requireCall(userId, sessionId);
    const ended = await this.finish(sessionId, { kind: 'hangup', by: userId });
    if (!ended) throw new AppError('CONFLICT', 'This call has already ended.');
    return toCallSession(ended);
  }

  /**
   * Ends a call once, whoever races to it (two tabs, the sweep on two nodes): the row is locked and
   * the reason re-checked under the lock. Returns the finished row, or undefined when it no longer
   * applied.
   */
  private async finish(sessionId: string, reason: Finish): Promise<DmCallRow | undefined> {
    const finished = await this.db.transaction(async (tx) => {
      // The database's clock decides every deadline, never a node's.
      const [locked] = await tx
        .select({ row: dmCalls, nowMs: sql<number>`(extract(epoch from now()) * 1000)::float8` })
        .from(dmCalls)
        .where(eq(dmCalls.id, sessionId))
        .for('update');
      const row = locked?.row;
      if (!locked || !row || row.status === 'ended') return undefined;
      const now = new Date(Number(locked.nowMs));
      const outcome = outcomeOf(row, reason, now);
      if (!outcome) return undefined;
      const answeredAt = row.status === 'active' ? row.answeredAt : null;
      const duration = answeredAt
        ? Math.max(0, Math.round((now.getTime() - answeredAt.getTime()) / 1000))
        : 0;
      const [updated] = await tx
        .update(dmCalls)
        .set({
          status: 'ended',
          outcome,
          endedAt: now,
          duration,
          endedBy: 'by' in reason ? reason.by : null,
          callerGraceUntil: null,
          calleeGraceUntil: null,
        })
        .where(eq(dmCalls.id, sessionId))
        .returning();
      await tx.delete(dmCallSlots).where(eq(dmCallSlots.callId, sessionId));
      return updated;
    });
    if (finished) await this.announceEnd(finished);
    return finished;
  }

  private async announceEnd(row: DmCallRow): Promise<void> {
    const { publisher, messaging, notifications, logger } = this.deps;
    const outcome = row.outcome ?? 'completed';
    const both = [row.callerId, row.calleeId];
    const missed = outcome === 'missed' || outcome === 'cancelled' || outcome === 'failed';
    await runAfterCommit(
      logger,
      'call ended',
      () => {
        for (const userId of both) {
          if (outcome === 'declined')
            publisher.toUser(userId, 'dm_call_declined', { sessionId: row.id, recipientId: row.calleeId });
          else
            publisher.toUser(userId, 'dm_call_ended', {
              sessionId: row.id,
              endedBy: row.endedBy,
              outcome,
              duration: row.duration ?? 0,
            });
        }
      },
      () =>
        messaging.sendCallLine(
          row.callerId,
          row.calleeId,
          callLine(row.callType, outcome, row.duration ?? 0),
        ),
      async () => {
        if (!missed) return;
        const caller = await findUserById(this.db, row.callerId);
        const name = caller?.displayName || caller?.username || 'Someone';
        await notifications.notify({
          userId: row.calleeId,
          type: 'system',
          title: `Missed ${row.callType} call`,
          content: `${name} tried to call you.`,
          relatedUserId: row.callerId,
          relatedId: row.id,
          actionUrl: `/messages/${row.callerId}`,
          priority: 'high',
        });
      },
    );
  }

  async updateState(
    userId: string,
    sessionId: string,
    patch: Partial<StoredVoiceState>,
  ): Promise<{ userId: string; voiceState: ReturnType<typeof voiceState> }> {
    const row = await this.requireCall(userId, sessionId);
    if (row.status === 'ended') throw new AppError('CONFLICT', 'This call has ended.');
    const isCaller = row.callerId === userId;
    const column = isCaller ? dmCalls.callerState : dmCalls.calleeState;
    const clean = Object.fromEntries(Object.entries(patch).filter(([, value]) => typeof value === 'boolean'));
    const [updated] = await this.db
      .update(dmCalls)
      .set(
        isCaller
          ? { callerState: sql`${column} || ${JSON.stringify(clean)}::jsonb` }
          : { calleeState: sql`${column} || ${JSON.stringify(clean)}::jsonb` },
      )
      .where(and(eq(dmCalls.id, sessionId), LIVE))
      .returning();
    if (!updated) throw new AppError('CONFLICT', 'This call has ended.');
    const state = voiceState(isCaller ? updated.callerState : updated.calleeState);
    const other = isCaller ? updated.calleeId : updated.callerId;
    this.deps.publisher.toUser(other, 'dm_call_state_updated', { sessionId, userId, voiceState: state });
    return { userId, voiceState: state };
  }

  /**
   * Relays one WebRTC message to the other participant's signaling socket, and nowhere else. From a
   * socket, only the participant's own call socket may signal (another tab of theirs may not).
   */
  async signal(userId: string, socketId: string | null, sessionId: string, signalData: TSignalData) {
    const [row] = await this.db.select().from(dmCalls).where(eq(dmCalls.id, sessionId));
    if (!row || (row.callerId !== userId && row.calleeId !== userId))
      throw new AppError('FORBIDDEN', "You're not in this call.");
    if (row.status !== 'active') throw new AppError('CONFLICT', 'This call is not connected.');
    const isCaller = row.callerId === userId;
    const mine = isCaller ? row.callerSocketId : row.calleeSocketId;
    if (socketId !== null && mine !== socketId)
      throw new AppError('FORBIDDEN', 'This call is on another tab or device.');
    const target = isCaller ? row.calleeSocketId : row.callerSocketId;
    const targetGone = isCaller ? row.calleeGraceUntil : row.callerGraceUntil;
    if (!target || targetGone) return { delivered: false };
    this.deps.publisher.toRoom(target, 'webrtc_signal', { fromUserId: userId, sessionId, signalData });
    return { delivered: true };
  }

  /**
   * A socket that reconnected (or the tab that started a call over REST) takes the call back: only
   * when the side has no live socket, so another tab cannot steal a running call.
   */
  async resume(userId: string, socketId: string, sessionId: string): Promise<TCallSession> {
    const row = await this.requireCall(userId, sessionId);
    if (row.status === 'ended') throw new AppError('CONFLICT', 'This call has ended.');
    const isCaller = row.callerId === userId;
    if (!isCaller && row.status !== 'active') throw new AppError('CONFLICT', 'Answer the call first.');
    const [updated] = await this.db
      .update(dmCalls)
      .set(
        isCaller
          ? { callerSocketId: socketId, callerGraceUntil: null }
          : { calleeSocketId: socketId, calleeGraceUntil: null },
      )
      .where(
        and(
          eq(dmCalls.id, sessionId),
          LIVE,
          isCaller
            ? or(
                isNotNull(dmCalls.callerGraceUntil),
                sql`${dmCalls.callerSocketId} is null`,
                eq(dmCalls.callerSocketId, socketId),
              )
            : or(
                isNotNull(dmCalls.calleeGraceUntil),
                sql`${dmCalls.calleeSocketId} is null`,
                eq(dmCalls.calleeSocketId, socketId),
              ),
        ),
      )
      .returning();
    if (!updated) throw new AppError('CONFLICT', 'This call is running on another tab or device.');
    const other = isCaller ? updated.calleeId : updated.callerId;
    this.deps.publisher.toUser(other, 'dm_call_peer_connection', { sessionId, userId, connected: true });
    return toCallSession(updated);
  }

  /** A signaling socket dropped: its side has the grace period to come back (`resume_dm_call`). */
  async socketClosed(userId: string, socketId: string): Promise<void> {
    const grace = sql`now() + make_interval(secs => ${this.deps.graceMs / 1000})`;
    const [asCaller, asCallee] = await Promise.all([
      this.db
        .update(dmCalls)
        .set({ callerGraceUntil: grace })
        .where(and(eq(dmCalls.callerId, userId), eq(dmCalls.callerSocketId, socketId), LIVE))
        .returning(),
      this.db
        .update(dmCalls)
        .set({ calleeGraceUntil: grace })
        .where(and(eq(dmCalls.calleeId, userId), eq(dmCalls.calleeSocketId, socketId), LIVE))
        .returning(),
    ]);
    for (const row of [...asCaller, ...asCallee]) {
      const other = row.callerId === userId ? row.calleeId : row.callerId;
      this.deps.publisher.toUser(other, 'dm_call_peer_connection', {
        sessionId: row.id,
        userId,
        connected: false,
        graceMs: this.deps.graceMs,
      });
    }
  }

  /** Finishes calls whose deadline passed; every node runs it, the row lock lets one win each call. */
  async sweep(): Promise<number> {
    const due = await this.db
      .select({
        id: dmCalls.id,
        callerId: dmCalls.callerId,
        calleeId: dmCalls.calleeId,
        callerDropped: sql<boolean>`coalesce(${dmCalls.callerGraceUntil} <= now(), false)`,
        calleeDropped: sql<boolean>`coalesce(${dmCalls.calleeGraceUntil} <= now(), false)`,
      })
      .from(dmCalls)
      .where(
        and(
          LIVE,
          or(
            and(eq(dmCalls.status, 'ringing'), lte(dmCalls.ringDeadline, sql`now()`)),
            lte(dmCalls.callerGraceUntil, sql`now()`),
            lte(dmCalls.calleeGraceUntil, sql`now()`),
          ),
        ),
      )
      .limit(200);
    let finished = 0;
    for (const row of due) {
      const dropped = row.callerDropped ? row.callerId : row.calleeDropped ? row.calleeId : null;
      const reason: Finish = dropped ? { kind: 'dropped', by: dropped } : { kind: 'timeout' };
      if (await this.finish(row.id, reason)) finished += 1;
    }
    return finished;
  }

  async list(userId: string): Promise<TCallSession[]> {
    const rows = await this.db
      .select()
      .from(dmCalls)
      .where(
        and(
          LIVE,
          inArray(
            dmCalls.id,
            this.db
              .select({ id: dmCallSlots.callId })
              .from(dmCallSlots)
              .where(eq(dmCallSlots.userId, userId)),
          ),
        ),
      );
    return rows.map(toCallSession);
  }

  async get(userId: string, sessionId: string): Promise<TCallSession> {
    return toCallSession(await this.requireCall(userId, sessionId));
  }
}

/** The outcome a finish reason gives this call, or null when the reason no longer applies. */
function outcomeOf(row: DmCallRow, reason: Finish, now: Date): TCallOutcome | null {
  const ringing = row.status === 'ringing';
  switch (reason.kind) {
    case 'timeout':
      return ringing && row.ringDeadline.getTime() <= now.getTime() ? 'missed' : null;
    case 'decline':
      return ringing && reason.by === row.calleeId ? 'declined' : null;
    case 'hangup':
      if (!ringing) return 'completed';
      return reason.by === row.callerId ? 'cancelled' : 'declined';
    case 'dropped': {
      const until = reason.by === row.callerId ? row.callerGraceUntil : row.calleeGraceUntil;
      if (!until || until.getTime() > now.getTime()) return null;
      return ringing ? 'cancelled' : 'completed';
    }
  }
}
