import {
  type PermissionName,
  type TSignalData,
  type TVoiceParticipant,
  VOICE_MESH_MAX,
} from '@guftagu/contracts';
import { and, eq, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { runAfterCommit } from '../../platform/after-commit.js';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import {
  type ChannelAccess,
  type CommunitiesApi,
  can,
  channelRoom,
  serverMembers,
  servers,
} from '../communities/index.js';
import { users } from '../users/index.js';
import { toParticipant, toVoiceState } from './voice.dto.js';
import { type VoiceStateRow, voiceStates } from './voice.schema.js';

export interface VoiceDeps {
  db: Database;
  publisher: RealtimePublisher;
  communities: Pick<CommunitiesApi, 'channelAccess' | 'memberServerIds'>;
  logger: Logger;
  /** How long a dropped socket keeps its place before it leaves. */
  graceMs: number;
  /** Participants per voice channel (full mesh). */
  maxParticipants?: number;
}

type LeaveReason = 'left' | 'moved' | 'switched' | 'disconnected' | 'kicked' | 'dropped';
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Voice channels (issue 12). The `voice_states` row is the whole truth (every node reads the same);
 * its primary key keeps one voice channel per user, a per-channel advisory lock makes the
 * participant limit exact, and events are published after commit.
 */
export class VoiceService {
  constructor(private readonly deps: VoiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  private get max() {
    return this.deps.maxParticipants ?? VOICE_MESH_MAX;
  }

  /** A voice channel the user can see; anything else is "not found" (its existence is not theirs to learn). */
  private async voiceChannel(userId: string, channelId: string): Promise<ChannelAccess> {
    const access = await this.deps.communities.channelAccess(userId, channelId);
    if (!access || !can(access, 'VIEW_CHANNEL')) throw new AppError('NOT_FOUND', 'No such channel.');
    if (access.type !== 'voice')
      throw new AppError('VALIDATION_ERROR', 'That is not a voice channel.', { field: 'channelId' });
    return access;
  }

  private require(access: ChannelAccess, permission: PermissionName): void {
    if (!can(access, permission))
      throw new AppError('FORBIDDEN', `You need the ${permission} permission.`, { permission });
  }

  private async withUser(rows: VoiceStateRow[]): Promise<TVoiceParticipant[]> {
    if (rows.length === 0) return [];
    const people = await this.db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        profilePicture: users.profilePicture,
      })
      .from(users)
      .where(
        inArray(
          users.id,
          rows.map((row) => row.userId),
        ),
      );
    const byId = new Map(people.map((person) => [person.id, person]));
    return rows.map((row) => toParticipant(row, byId.get(row.userId) ?? null));
  }

  private async channelRows(channelId: string): Promise<VoiceStateRow[]> {
    return this.db.select().from(voiceStates).where(eq(voiceStates.channelId, channelId));
  }

  /** Serialises admissions to one channel, so the participant limit holds under races. */
  private async admit(tx: Tx, channelId: string, userId: string): Promise<number> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`voice:${channelId}`}))`);
    const [row] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(voiceStates)
      .where(and(eq(voiceStates.channelId, channelId), ne(voiceStates.userId, userId)));
    const others = row?.count ?? 0;
    if (others >= this.max)
      throw new AppError('CONFLICT', `This voice channel is full (${this.max} people).`, {
        limit: this.max,
      });
    return others;
  }

  async join(
    userId: string,
    socketId: string,
    input: {
      channelId: string;
      isVideo?: boolean | undefined;
      muted?: boolean | undefined;
      deafened?: boolean | undefined;
    },
  ) {
    const access = await this.voiceChannel(userId, input.channelId);
    this.require(access, 'CONNECT');
    const camera = (input.isVideo ?? false) && can(access, 'VIDEO');
    // Without SPEAK one is in the channel muted, and cannot unmute.
    const selfMute = (input.muted ?? false) || !can(access, 'SPEAK');
    const { channelId, serverId } = access;

    const { row, previous, others } = await this.db.transaction(async (tx) => {
      const others = await this.admit(tx, channelId, userId);
      const [previous] = await tx
        .select()
        .from(voiceStates)
        .where(eq(voiceStates.userId, userId))
        .for('update');
      const [row] = await tx
        .insert(voiceStates)
        .values({
          userId,
          serverId,
          channelId,
          socketId,
          selfMute,
          selfDeaf: input.deafened ?? false,
          camera,
        })
        .onConflictDoUpdate({
          target: voiceStates.userId,
          set: {
            serverId,
            channelId,
            socketId,
            selfMute,
            selfDeaf: input.deafened ?? false,
            camera,
            screenShare: false,
            graceUntil: null,
            // A server mute follows the member inside the server, as moderators expect.
            serverMute: sql`case when ${voiceStates.serverId} = ${serverId} then ${voiceStates.serverMute} else false end`,
            serverDeaf: sql`case when ${voiceStates.serverId} = ${serverId} then ${voiceStates.serverDeaf} else false end`,
            joinedAt: sql`case when ${voiceStates.channelId} = ${channelId} then ${voiceStates.joinedAt} else now() end`,
          },
        })
        .returning();
      if (!row) throw new Error('voice state upsert returned nothing');
      return { row, previous, others };
    });

    const switched = previous && previous.channelId !== channelId ? previous : undefined;
    if (switched) await this.announceLeft(switched, 'switched');
    const [participant] = await this.withUser([row]);
    const { publisher } = this.deps;
    await runAfterCommit(
      this.deps.logger,
      'voice joined',
      () => {
        if (others === 0 && previous?.channelId !== channelId)
          publisher.toRoom(channelRoom(channelId), 'voice_session_created', {
            sessionId: channelId,
            serverId,
            channelId,
            createdBy: userId,
            participants: [userId],
          });
      },
      () => participant && publisher.toRoom(channelRoom(channelId), 'user_joined_voice', participant),
      () => this.announceConnection(row),
    );
    return {
      channelId,
      serverId,
      voiceState: toVoiceState(row),
      participants: await this.participants(channelId),
    };
  }

  async participants(channelId: string): Promise<TVoiceParticipant[]> {
    return this.withUser(await this.channelRows(channelId));
  }

  /** Leaving works from any tab of the user: "disconnect" means the person, not one socket. */
  async leave(userId: string, channelId?: string) {
    const [row] = await this.db
      .delete(voiceStates)
      .where(
        and(eq(voiceStates.userId, userId), channelId ? eq(voiceStates.channelId, channelId) : undefined),
      )
      .returning();
    // Naming a channel one is not in is a mistake worth saying; a bare leave is always fine.
    if (!row && channelId) throw new AppError('CONFLICT', "You're not in that voice channel.");
    if (!row) return { left: false };
    await this.announceLeft(row, 'left');
    this.announceConnection(null, userId);
    return { left: true, channelId: row.channelId };
  }

  async updateState(
    userId: string,
    patch: {
      channelId?: string | undefined;
      selfMute?: boolean | undefined;
      selfDeaf?: boolean | undefined;
      camera?: boolean | undefined;
      screenShare?: boolean | undefined;
    },
  ) {
    const [current] = await this.db.select().from(voiceStates).where(eq(voiceStates.userId, userId));
    if (!current || (patch.channelId && patch.channelId !== current.channelId))
      throw new AppError('CONFLICT', "You're not in that voice channel.");
    const access = await this.voiceChannel(userId, current.channelId);
    if (patch.selfMute === false) this.require(access, 'SPEAK');
    if (patch.camera || patch.screenShare) this.require(access, 'VIDEO');
    const set: Partial<VoiceStateRow> = {};
    for (const key of ['selfMute', 'selfDeaf', 'camera', 'screenShare'] as const) {
      const value = patch[key];
      if (typeof value === 'boolean') set[key] = value;
    }
    if (Object.keys(set).length === 0)
      return { userId, channelId: current.channelId, voiceState: toVoiceState(current) };
    const [row] = await this.db
      .update(voiceStates)
      .set(set)
      .where(and(eq(voiceStates.userId, userId), eq(voiceStates.channelId, current.channelId)))
      .returning();
    if (!row) throw new AppError('CONFLICT', "You're not in that voice channel.");
    this.announceState(row);
    return { userId, channelId: row.channelId, voiceState: toVoiceState(row) };
  }

  /**
   * Relays one WebRTC message between two participants of the same channel, from the sender's
   * session socket to the target's, and nowhere else.
   */
  async signal(
    userId: string,
    socketId: string,
    input: { channelId: string; targetUserId: string; signalData: TSignalData },
  ) {
    if (input.targetUserId === userId)
      throw new AppError('VALIDATION_ERROR', "You can't signal yourself.", { field: 'targetUserId' });
    const rows = await this.db
      .select()
      .from(voiceStates)
      .where(inArray(voiceStates.userId, [userId, input.targetUserId]));
    const mine = rows.find((row) => row.userId === userId);
    if (!mine || mine.channelId !== input.channelId)
      throw new AppError('FORBIDDEN', "You're not in this voice channel.");
    if (mine.socketId !== socketId)
      throw new AppError('FORBIDDEN', 'This voice session is on another tab or device.');
    const target = rows.find((row) => row.userId === input.targetUserId);
    if (!target || target.channelId !== input.channelId)
      throw new AppError('NOT_FOUND', 'That person is not in this voice channel.');
    if (target.graceUntil) return { delivered: false };
    this.deps.publisher.toRoom(target.socketId, 'voice_signal', {
      fromUserId: userId,
      channelId: input.channelId,
      signalData: input.signalData,
    });
    return { delivered: true };
  }

  private async target(actorId: string, userId: string) {
    const [row] = await this.db.select().from(voiceStates).where(eq(voiceStates.userId, userId));
    // Someone in a channel the actor cannot see is indistinguishable from someone not in voice.
    const access = row ? await this.deps.communities.channelAccess(actorId, row.channelId) : null;
    if (!row || !access || !can(access, 'VIEW_CHANNEL'))
      throw new AppError('NOT_FOUND', 'That person is not in a voice channel.');
    if (userId !== actorId) {
      const [server] = await this.db
        .select({ ownerId: servers.ownerId })
        .from(servers)
        .where(eq(servers.id, row.serverId));
      if (server?.ownerId === userId)
        throw new AppError('FORBIDDEN', "You can't moderate the server's owner.");
    }
    return { row, access };
  }

  async moderate(
    actorId: string,
    input: { userId: string; serverMute?: boolean | undefined; serverDeaf?: boolean | undefined },
  ) {
    const { row: current, access } = await this.target(actorId, input.userId);
    const set: Partial<VoiceStateRow> = {};
    if (input.serverMute !== undefined) {
      this.require(access, 'MUTE_MEMBERS');
      set.serverMute = input.serverMute;
    }
    if (input.serverDeaf !== undefined) {
      this.require(access, 'DEAFEN_MEMBERS');
      set.serverDeaf = input.serverDeaf;
    }
    if (Object.keys(set).length === 0)
      throw new AppError('VALIDATION_ERROR', 'Say serverMute or serverDeaf.', { field: 'serverMute' });
    const [row] = await this.db
      .update(voiceStates)
      .set(set)
      .where(and(eq(voiceStates.userId, input.userId), eq(voiceStates.channelId, current.channelId)))
      .returning();
    if (!row) throw new AppError('CONFLICT', 'That person just left the channel.');
    this.announceState(row);
    this.announceConnection(row);
    return { userId: row.userId, channelId: row.channelId, voiceState: toVoiceState(row) };
  }

  async move(actorId: string, input: { userId: string; channelId: string }) {
    const { row: current, access: from } = await this.target(actorId, input.userId);
    this.require(from, 'MOVE_MEMBERS');
    const to = await this.voiceChannel(actorId, input.channelId);
    if (to.serverId !== current.serverId) throw new AppError('NOT_FOUND', 'No such channel.');
    this.require(to, 'MOVE_MEMBERS');
    if (current.channelId === input.channelId) return { userId: input.userId, channelId: input.channelId };
    const theirs = await this.deps.communities.channelAccess(input.userId, input.channelId);
    if (!can(theirs, 'CONNECT'))
      throw new AppError('FORBIDDEN', 'They may not connect to that channel.', { permission: 'CONNECT' });
    const { row, others } = await this.db.transaction(async (tx) => {
      const others = await this.admit(tx, input.channelId, input.userId);
      const [row] = await tx
        .update(voiceStates)
        .set({ channelId: input.channelId, joinedAt: sql`now()` })
        .where(and(eq(voiceStates.userId, input.userId), eq(voiceStates.channelId, current.channelId)))
        .returning();
      if (!row) throw new AppError('CONFLICT', 'That person just left the channel.');
      return { row, others };
    });
    await this.announceLeft(current, 'moved');
    const [participant] = await this.withUser([row]);
    const { publisher } = this.deps;
    if (others === 0)
      publisher.toRoom(channelRoom(row.channelId), 'voice_session_created', {
        sessionId: row.channelId,
        serverId: row.serverId,
        channelId: row.channelId,
        createdBy: row.userId,
        participants: [row.userId],
      });
    if (participant)
      publisher.toRoom(channelRoom(row.channelId), 'user_joined_voice', { ...participant, movedBy: actorId });
    this.announceConnection(row);
    return { userId: row.userId, channelId: row.channelId };
  }

  async disconnect(actorId: string, userId: string) {
    const { row: current, access } = await this.target(actorId, userId);
    if (actorId !== userId) this.require(access, 'MOVE_MEMBERS');
    const [row] = await this.db
      .delete(voiceStates)
      .where(and(eq(voiceStates.userId, userId), eq(voiceStates.channelId, current.channelId)))
      .returning();
    if (!row) return { disconnected: false };
    await this.announceLeft(row, actorId === userId ? 'left' : 'disconnected');
    this.announceConnection(null, userId);
    return { disconnected: true };
  }

  /** The session socket dropped: the place is kept for the grace period (a reload re-joins). */
  async socketClosed(userId: string, socketId: string): Promise<void> {
    await this.db
      .update(voiceStates)
      .set({ graceUntil: sql`now() + make_interval(secs => ${this.deps.graceMs / 1000})` })
      .where(and(eq(voiceStates.userId, userId), eq(voiceStates.socketId, socketId)));
  }

  /** Every node runs it; a DELETE … RETURNING hands each row to exactly one of them. */
  async sweep(): Promise<number> {
    const gone = await this.db
      .delete(voiceStates)
      .where(
        or(
          lte(voiceStates.graceUntil, sql`now()`),
          // Left, kicked or banned from the server: out of its voice channels too.
          sql`not exists (select 1 from ${serverMembers} m where m.server_id = ${voiceStates.serverId} and m.user_id = ${voiceStates.userId})`,
        ),
      )
      .returning();
    for (const row of gone) {
      await this.announceLeft(row, row.graceUntil ? 'dropped' : 'kicked');
      this.announceConnection(null, row.userId);
    }
    return gone.length;
  }

  /** Current voice states of a server's channels the viewer can see (the sidebar's "who is where"). */
  async serverStates(userId: string, serverId: string): Promise<TVoiceParticipant[]> {
    const memberOf = await this.deps.communities.memberServerIds(userId);
    if (!memberOf.includes(serverId)) throw new AppError('NOT_FOUND', 'No such server.');
    const rows = await this.db
      .select()
      .from(voiceStates)
      .where(eq(voiceStates.serverId, serverId))
      .orderBy(voiceStates.joinedAt);
    const channelIds = [...new Set(rows.map((row) => row.channelId))];
    const visible = new Set<string>();
    await Promise.all(
      channelIds.map(async (channelId) => {
        if (can(await this.deps.communities.channelAccess(userId, channelId), 'VIEW_CHANNEL'))
          visible.add(channelId);
      }),
    );
    return this.withUser(rows.filter((row) => visible.has(row.channelId)));
  }

  private async announceLeft(row: VoiceStateRow, reason: LeaveReason): Promise<void> {
    const { publisher } = this.deps;
    const room = channelRoom(row.channelId);
    await runAfterCommit(
      this.deps.logger,
      'voice left',
      () =>
        publisher.toRoom(room, 'user_left_voice', {
          userId: row.userId,
          serverId: row.serverId,
          channelId: row.channelId,
          reason,
        }),
      async () => {
        const [left] = await this.db
          .select({ count: sql<number>`count(*)::int` })
          .from(voiceStates)
          .where(eq(voiceStates.channelId, row.channelId));
        if ((left?.count ?? 0) === 0)
          publisher.toRoom(room, 'voice_session_ended', {
            sessionId: row.channelId,
            serverId: row.serverId,
            channelId: row.channelId,
          });
      },
    );
  }

  private announceState(row: VoiceStateRow): void {
    this.deps.publisher.toRoom(channelRoom(row.channelId), 'voice_state_updated', {
      userId: row.userId,
      serverId: row.serverId,
      channelId: row.channelId,
      voiceState: toVoiceState(row),
    });
  }

  private announceConnection(row: VoiceStateRow | null, userId = row?.userId): void {
    if (!userId) return;
    this.deps.publisher.toUser(userId, 'voice_connection', {
      serverId: row?.serverId ?? null,
      channelId: row?.channelId ?? null,
      socketId: row?.socketId ?? null,
      voiceState: row ? toVoiceState(row) : null,
    });
  }
}
