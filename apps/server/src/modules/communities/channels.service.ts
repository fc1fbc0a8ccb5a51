import {
  PERMISSIONS,
  permissionsToBits,
  type TChannel,
  type TCreateChannel,
  type TPutOverwrite,
  type TUpdateChannel,
} from '@guftagu/contracts';
import { and, count, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type ChannelAccess, channelRoom, serverRoom } from './access.js';
import { toChannel } from './communities.dto.js';
import { type ChannelRow, channelOverwrites, channels, serverMembers } from './communities.schema.js';
import type { CommunityContext } from './context.js';
import { channelPermissions, has } from './permissions.js';
import {
  type Executor,
  loadMember,
  loadMembers,
  loadServerState,
  memberChannelPermissions,
} from './state.js';

/** Channels, their order and their permission overwrites. */
export class ChannelsService {
  constructor(private readonly ctx: CommunityContext) {}

  private async channelRow(channelId: string, db: Executor = this.ctx.db): Promise<ChannelRow> {
    const [row] = await db.select().from(channels).where(eq(channels.id, channelId));
    if (!row) throw new AppError('NOT_FOUND', 'Channel not found');
    return row;
  }

  /** The caller's access to a channel; NOT_FOUND when they cannot see it (no leak of its existence). */
  private async channelContext(channelId: string, userId: string) {
    const row = await this.channelRow(channelId);
    const context = await this.ctx.memberContext(row.serverId, userId).catch(() => {
      throw new AppError('NOT_FOUND', 'Channel not found');
    });
    const bits = memberChannelPermissions(context.state, channelId, context.member);
    if (!has(bits, 'VIEW_CHANNEL')) throw new AppError('NOT_FOUND', 'Channel not found');
    return { ...context, row, bits };
  }

  async list(serverId: string, userId: string): Promise<TChannel[]> {
    const { state, member } = await this.ctx.memberContext(serverId, userId);
    return state.channels
      .filter((channel) => has(memberChannelPermissions(state, channel.id, member), 'VIEW_CHANNEL'))
      .map((channel) => toChannel(channel, state.overwrites.get(channel.id) ?? []));
  }

  async get(channelId: string, userId: string): Promise<TChannel> {
    const { state, row } = await this.channelContext(channelId, userId);
    return toChannel(row, state.overwrites.get(channelId) ?? []);
  }

  async create(serverId: string, userId: string, input: TCreateChannel): Promise<TChannel> {
    const { base, state } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'MANAGE_CHANNELS');
    const limit = this.ctx.deps.limits.channelsPerServer;
    const type = input.type ?? 'text';
    const parentId = input.parentId ?? null;
    if (parentId) {
      if (type === 'category') throw new AppError('VALIDATION_ERROR', 'A category cannot sit in a category.');
      const parent = state.channels.find((channel) => channel.id === parentId);
      if (parent?.type !== 'category')
        throw new AppError('VALIDATION_ERROR', 'parentId must be a category of this server.', {
          field: 'parentId',
        });
    }
    const { row, overwrites } = await this.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`channels:${serverId}`}))`);
      const [existing] = await tx
        .select({ n: count() })
        .from(channels)
        .where(eq(channels.serverId, serverId));
      if ((existing?.n ?? 0) >= limit)
        throw new AppError('CONFLICT', `A server has at most ${limit} channels.`, { limit });
      const [next] = await tx
        .select({ position: sql<number>`coalesce(max(${channels.position}) + 1, 0)::int` })
        .from(channels)
        .where(eq(channels.serverId, serverId));
      const [inserted] = await tx
        .insert(channels)
        .values({
          id: newId(),
          serverId,
          name: input.name,
          type,
          topic: input.topic || null,
          parentId,
          position: next?.position ?? 0,
          slowModeSeconds: input.slowModeSeconds ?? 0,
          nsfw: input.nsfw ?? false,
        })
        .returning();
      if (!inserted) throw new AppError('INTERNAL_ERROR', 'Channel not created');
      // A channel made inside a category starts with its overwrites (Discord's "synced"), so a channel
      // in a private category is private from its first moment and never announced to outsiders.
      const inherited = parentId ? [...(state.overwrites.get(parentId) ?? [])] : [];
      // An announcement channel is read-only for @everyone: only roles or members allowed to post may.
      if (type === 'announcement') {
        const everyone = inherited.findIndex((overwrite) => overwrite.targetId === state.everyone.id);
        const base = everyone >= 0 ? inherited[everyone] : undefined;
        const announce = {
          channelId: '',
          targetId: state.everyone.id,
          type: 'role' as const,
          allow: (base?.allow ?? 0n) & ~PERMISSIONS.SEND_MESSAGES,
          deny: (base?.deny ?? 0n) | PERMISSIONS.SEND_MESSAGES,
        };
        if (everyone >= 0) inherited[everyone] = announce;
        else inherited.push(announce);
      }
      if (inherited.length > 0)
        await tx
          .insert(channelOverwrites)
          .values(inherited.map((overwrite) => ({ ...overwrite, channelId: inserted.id })));
      return {
        row: inserted,
        overwrites: inherited.map((overwrite) => ({ ...overwrite, channelId: inserted.id })),
      };
    });
    const channel = toChannel(row, overwrites);
    await this.ctx.afterCommit('channel created', () =>
      this.announce(serverId, row.id, 'channel_created', channel),
    );
    return channel;
  }

  /** Puts viewers into a channel's room and tells exactly them about it. */
  private async announce(
    serverId: string,
    channelId: string,
    event: 'channel_created' | 'channel_updated',
    channel: TChannel,
  ): Promise<void> {
    const state = await loadServerState(this.ctx.db, serverId);
    if (!state) return;
    const members = await loadMembers(this.ctx.db, serverId);
    const viewers: string[] = [];
    this.ctx.emitToViewers(state, members, channelId, (userId) => viewers.push(userId));
    if (channel.type !== 'category') this.ctx.publisher.joinRooms(viewers, [channelRoom(channelId)]);
    for (const userId of viewers) this.ctx.publisher.toUser(userId, event, { channel });
  }

  async update(channelId: string, userId: string, input: TUpdateChannel): Promise<TChannel> {
    const { row, bits, state } = await this.channelContext(channelId, userId);
    this.ctx.require(bits, 'MANAGE_CHANNELS');
    if (input.parentId) {
      const parent = state.channels.find((channel) => channel.id === input.parentId);
      if (row.type === 'category' || parent?.type !== 'category')
        throw new AppError('VALIDATION_ERROR', 'parentId must be a category of this server.', {
          field: 'parentId',
        });
    }
    const patch: Partial<typeof channels.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.topic !== undefined) patch.topic = input.topic || null;
    if (input.parentId !== undefined) patch.parentId = input.parentId;
    if (input.slowModeSeconds !== undefined) patch.slowModeSeconds = input.slowModeSeconds;
    if (input.nsfw !== undefined) patch.nsfw = input.nsfw;
    const [updated] = await this.ctx.db
      .update(channels)
      .set(patch)
      .where(eq(channels.id, channelId))
      .returning();
    if (!updated) throw new AppError('NOT_FOUND', 'Channel not found');
    const channel = toChannel(updated, state.overwrites.get(channelId) ?? []);
    await this.ctx.afterCommit('channel updated', () =>
      this.announce(updated.serverId, channelId, 'channel_updated', channel),
    );
    return channel;
  }

  async delete(channelId: string, userId: string): Promise<void> {
    const { row, bits, state } = await this.channelContext(channelId, userId);
    this.ctx.require(bits, 'MANAGE_CHANNELS');
    const members = await loadMembers(this.ctx.db, row.serverId);
    const viewers: string[] = [];
    this.ctx.emitToViewers(state, members, channelId, (id) => viewers.push(id));
    const deleted = await this.ctx.db
      .delete(channels)
      .where(eq(channels.id, channelId))
      .returning({ id: channels.id });
    if (deleted.length === 0) throw new AppError('NOT_FOUND', 'Channel not found');
    const event = { serverId: row.serverId, channelId };
    await this.ctx.afterCommit(
      'channel deleted',
      () => {
        for (const id of viewers) this.ctx.publisher.toUser(id, 'channel_deleted', event);
      },
      () =>
        this.ctx.publisher.leaveRooms(
          members.map((member) => member.userId),
          [channelRoom(channelId)],
        ),
      ...this.ctx.channelDeleted.map((listener) => () => listener(event)),
    );
  }

  async reorder(
    serverId: string,
    userId: string,
    order: Array<{ id: string; position: number; parentId?: string | null | undefined }>,
  ) {
    const { base, state } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'MANAGE_CHANNELS');
    const byId = new Map(state.channels.map((channel) => [channel.id, channel]));
    for (const entry of order) {
      const channel = byId.get(entry.id);
      if (!channel) throw new AppError('NOT_FOUND', 'Channel not found', { channelId: entry.id });
      if (entry.parentId) {
        const parent = byId.get(entry.parentId);
        if (channel.type === 'category' || parent?.type !== 'category')
          throw new AppError('VALIDATION_ERROR', 'parentId must be a category of this server.', {
            field: 'parentId',
          });
      }
    }
    await this.ctx.db.transaction(async (tx) => {
      for (const entry of order) {
        const patch: Partial<typeof channels.$inferInsert> = {
          position: entry.position,
          updatedAt: new Date(),
        };
        if (entry.parentId !== undefined) patch.parentId = entry.parentId;
        await tx
          .update(channels)
          .set(patch)
          .where(and(eq(channels.id, entry.id), eq(channels.serverId, serverId)));
      }
    });
    const fresh = await loadServerState(this.ctx.db, serverId);
    const positions = (fresh?.channels ?? []).map((channel) => ({
      id: channel.id,
      position: channel.position,
      parentId: channel.parentId,
    }));
    await this.ctx.afterCommit('channels reordered', () =>
      this.ctx.publisher.toRoom(serverRoom(serverId), 'channels_reordered', {
        serverId,
        channels: positions,
      }),
    );
    return (fresh?.channels ?? []).map((channel) =>
      toChannel(channel, fresh?.overwrites.get(channel.id) ?? []),
    );
  }

  /**
   * Sets a role's or member's overwrite. Needs MANAGE_ROLES in the channel; without ADMINISTRATOR one
   * may only allow or deny flags one has, and a role overwrite only for a role below one's highest.
   */
  async putOverwrite(
    channelId: string,
    userId: string,
    targetId: string,
    input: TPutOverwrite,
  ): Promise<TChannel> {
    const { row, bits, state, member, base } = await this.channelContext(channelId, userId);
    this.ctx.require(bits, 'MANAGE_ROLES');
    const allow = permissionsToBits(input.allow ?? []);
    const deny = permissionsToBits(input.deny ?? []);
    if ((allow & deny) !== 0n)
      throw new AppError('VALIDATION_ERROR', 'A flag cannot be both allowed and denied.', { field: 'allow' });
    this.checkGrantable(base, bits, allow | deny);
    if (input.type === 'role') {
      const role = state.roles.find((candidate) => candidate.id === targetId);
      if (!role) throw new AppError('NOT_FOUND', 'Role not found');
      const isOwner = state.server.ownerId === userId;
      const top = state.roles
        .filter((candidate) => member.roleIds.includes(candidate.id))
        .reduce((max, candidate) => Math.max(max, candidate.position), 0);
      if (!isOwner && !role.isDefault && role.position >= top)
        throw new AppError('FORBIDDEN', 'You cannot change a role at or above your highest role.');
    } else {
      const [target] = await this.ctx.db
        .select({ userId: serverMembers.userId })
        .from(serverMembers)
        .where(and(eq(serverMembers.serverId, row.serverId), eq(serverMembers.userId, targetId)));
      if (!target) throw new AppError('NOT_FOUND', 'User not found in server');
    }
    return this.changeOverwrites(row, async (tx) => {
      await tx
        .insert(channelOverwrites)
        .values({ channelId, targetId, type: input.type, allow, deny })
        .onConflictDoUpdate({
          target: [channelOverwrites.channelId, channelOverwrites.targetId],
          set: { type: input.type, allow, deny },
        });
    });
  }

  async deleteOverwrite(channelId: string, userId: string, targetId: string): Promise<TChannel> {
    const { row, bits, base, state } = await this.channelContext(channelId, userId);
    this.ctx.require(bits, 'MANAGE_ROLES');
    const existing = (state.overwrites.get(channelId) ?? []).find(
      (overwrite) => overwrite.targetId === targetId,
    );
    if (!existing) throw new AppError('NOT_FOUND', 'Overwrite not found');
    this.checkGrantable(base, bits, existing.allow | existing.deny);
    return this.changeOverwrites(row, async (tx) => {
      await tx
        .delete(channelOverwrites)
        .where(and(eq(channelOverwrites.channelId, channelId), eq(channelOverwrites.targetId, targetId)));
    });
  }

  private checkGrantable(base: bigint, channelBits: bigint, touched: bigint): void {
    if (has(base, 'ADMINISTRATOR')) return;
    const missing = touched & ~channelBits;
    if (missing !== 0n)
      throw new AppError('FORBIDDEN', 'You can only allow or deny permissions you have yourself.');
  }

  /** Runs an overwrite change, then makes rooms exact and tells members who gained or lost the channel. */
  private async changeOverwrites(
    row: ChannelRow,
    change: (tx: Executor) => Promise<void>,
  ): Promise<TChannel> {
    const before = await this.ctx.snapshot(row.serverId);
    await this.ctx.db.transaction(async (tx) => {
      await change(tx);
      await tx.update(channels).set({ updatedAt: new Date() }).where(eq(channels.id, row.id));
    });
    const state = await loadServerState(this.ctx.db, row.serverId);
    const fresh = state?.channels.find((channel) => channel.id === row.id);
    if (!state || !fresh) throw new AppError('NOT_FOUND', 'Channel not found');
    const channel = toChannel(fresh, state.overwrites.get(row.id) ?? []);
    await this.ctx.afterCommit('overwrites changed', async () => {
      await this.ctx.syncServer(row.serverId, before);
      const members = await loadMembers(this.ctx.db, row.serverId);
      // Members who could see it before and still can get the new overwrites.
      this.ctx.emitToViewers(state, members, row.id, (id) => {
        if (before?.get(row.id)?.has(id)) this.ctx.publisher.toUser(id, 'channel_updated', { channel });
      });
    });
    return channel;
  }

  /**
   * The hot path of every channel message: one statement reads the channel, the owner, the caller's
   * membership, `@everyone` and the caller's roles, and the channel's overwrites.
   */
  async channelAccess(userId: string, channelId: string): Promise<ChannelAccess | null> {
    const result = await this.ctx.db.execute<{
      server_id: string;
      type: ChannelRow['type'];
      slow_mode_seconds: number;
      nsfw: boolean;
      owner_id: string;
      is_member: boolean;
      roles: Array<{ id: string; p: string; d: boolean }>;
      overwrites: Array<{ t: string; k: 'role' | 'member'; a: string; d: string }>;
    }>(sql`
      select c.server_id, c.type, c.slow_mode_seconds, c.nsfw, s.owner_id,
        exists (select 1 from server_members m where m.server_id = c.server_id and m.user_id = ${userId}) as is_member,
        (select coalesce(json_agg(json_build_object('id', r.id, 'p', r.permissions::text, 'd', r.is_default)), '[]')
           from roles r
          where r.server_id = c.server_id
            and (r.is_default or r.id in (select mr.role_id from member_roles mr
                                           where mr.server_id = c.server_id and mr.user_id = ${userId}))) as roles,
        (select coalesce(json_agg(json_build_object('t', o.target_id, 'k', o.type, 'a', o.allow::text, 'd', o.deny::text)), '[]')
           from channel_overwrites o where o.channel_id = c.id) as overwrites
      from channels c join servers s on s.id = c.server_id
      where c.id = ${channelId}`);
    const row = result.rows[0];
    if (!row?.is_member) return null;
    const everyone = row.roles.find((role) => role.d);
    const held = row.roles.filter((role) => !role.d);
    const heldIds = new Set(held.map((role) => role.id));
    const bits = (overwrite: { a: string; d: string }) => ({
      allow: BigInt(overwrite.a),
      deny: BigInt(overwrite.d),
    });
    const everyoneOverwrite = row.overwrites.find((o) => o.k === 'role' && o.t === everyone?.id);
    const memberOverwrite = row.overwrites.find((o) => o.k === 'member' && o.t === userId);
    const isOwner = row.owner_id === userId;
    return {
      serverId: row.server_id,
      channelId,
      type: row.type,
      permissions: channelPermissions(
        { isOwner, everyone: everyone ? BigInt(everyone.p) : 0n, roles: held.map((role) => BigInt(role.p)) },
        {
          everyone: everyoneOverwrite ? bits(everyoneOverwrite) : undefined,
          roles: row.overwrites.filter((o) => o.k === 'role' && heldIds.has(o.t)).map(bits),
          member: memberOverwrite ? bits(memberOverwrite) : undefined,
        },
      ),
      isOwner,
      slowModeSeconds: row.slow_mode_seconds,
      nsfw: row.nsfw,
    };
  }

  async readableChannelIds(userId: string, serverId: string): Promise<string[]> {
    const state = await loadServerState(this.ctx.db, serverId);
    const member = state ? await loadMember(this.ctx.db, serverId, userId) : null;
    if (!state || !member) return [];
    return state.channels
      .filter((channel) => {
        const bits = memberChannelPermissions(state, channel.id, member);
        return channel.type !== 'category' && has(bits, 'VIEW_CHANNEL') && has(bits, 'READ_MESSAGE_HISTORY');
      })
      .map((channel) => channel.id);
  }
}
