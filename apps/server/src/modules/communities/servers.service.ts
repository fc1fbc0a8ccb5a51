import {
  bitsToPermissions,
  DEFAULT_EVERYONE_PERMISSIONS,
  permissionsToBits,
  type TCreateServer,
  type TServer,
  type TUpdateServer,
} from '@guftagu/contracts';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { claimImageFor } from '../uploads/index.js';
import { channelRoom, serverRoom } from './access.js';
import { toChannel, toMembers, toRole, toServer } from './communities.dto.js';
import { channels, memberRoles, roles, serverMembers, servers } from './communities.schema.js';
import type { CommunityContext } from './context.js';
import { randomInviteCode } from './invite-codes.js';
import { has } from './permissions.js';
import { type Executor, loadMembers, memberChannelPermissions } from './state.js';

/** Servers: create, read, update, delete, leave and transfer. */
export class ServersService {
  constructor(private readonly ctx: CommunityContext) {}

  async list(userId: string): Promise<TServer[]> {
    const rows = await this.ctx.db
      .select({
        server: servers,
        memberCount: sql<number>`(select count(*)::int from ${serverMembers} m where m.server_id = ${servers.id})`,
      })
      .from(serverMembers)
      .innerJoin(servers, eq(servers.id, serverMembers.serverId))
      .where(eq(serverMembers.userId, userId))
      .orderBy(serverMembers.joinedAt);
    return rows.map((row) => toServer(row.server, row.memberCount));
  }

  /** The server as the caller sees it: only channels they can view, their own standing. */
  async detail(serverId: string, userId: string) {
    const { state, member, base } = await this.ctx.memberContext(serverId, userId);
    return {
      server: toServer(state.server, await this.ctx.memberCount(serverId)),
      channels: state.channels
        .filter((channel) => has(memberChannelPermissions(state, channel.id, member), 'VIEW_CHANNEL'))
        .map((channel) => toChannel(channel, state.overwrites.get(channel.id) ?? [])),
      roles: state.roles.map(toRole),
      me: {
        isOwner: state.server.ownerId === userId,
        nickname: member.nickname,
        roleIds: member.roleIds,
        permissions: bitsToPermissions(base),
      },
    };
  }

  async create(userId: string, input: TCreateServer) {
    const { limits } = this.ctx.deps;
    const serverId = newId();
    await this.ctx.db.transaction(async (tx) => {
      // Serialises one user's concurrent creates, so the limit holds under a double submit.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`servers:${userId}`}))`);
      const [mine] = await tx
        .select({ n: count() })
        .from(serverMembers)
        .where(eq(serverMembers.userId, userId));
      if ((mine?.n ?? 0) >= limits.serversPerUser)
        throw new AppError('CONFLICT', `You can be in at most ${limits.serversPerUser} servers.`, {
          limit: limits.serversPerUser,
        });
      await tx.insert(servers).values({
        id: serverId,
        name: input.name,
        description: input.description || null,
        ownerId: userId,
        inviteCode: randomInviteCode(),
      });
      if (input.iconId) await this.setIcon(tx, serverId, userId, input.iconId);
      await tx.insert(roles).values({
        id: newId(),
        serverId,
        name: '@everyone',
        permissions: permissionsToBits(DEFAULT_EVERYONE_PERMISSIONS),
        position: 0,
        isDefault: true,
      });
      await tx.insert(serverMembers).values({ serverId, userId });
      await tx.insert(channels).values([
        { id: newId(), serverId, name: 'general', type: 'text', position: 0 },
        { id: newId(), serverId, name: 'General', type: 'voice', position: 1 },
      ]);
    });
    const detail = await this.detail(serverId, userId);
    await this.ctx.afterCommit('server created', async () => {
      this.ctx.publisher.joinRooms(
        [userId],
        [serverRoom(serverId), ...detail.channels.map((c) => channelRoom(c.id))],
      );
      this.ctx.publisher.toUser(userId, 'server_joined', { server: detail.server });
    });
    return detail;
  }

  /**
   * The icon is an image the caller uploaded. Claiming it (its `message_id` set to the server's id)
   * keeps the upload sweeper from deleting it as unclaimed.
   */
  private async setIcon(
    tx: Executor,
    serverId: string,
    userId: string,
    iconId: string | null,
  ): Promise<void> {
    if (iconId === null) {
      await tx.update(servers).set({ icon: null, iconAttachmentId: null }).where(eq(servers.id, serverId));
      return;
    }
    const upload = await claimImageFor(tx, { attachmentId: iconId, ownerId: userId, holderId: serverId });
    if (!upload)
      throw new AppError(
        'VALIDATION_ERROR',
        'The icon must be an image you uploaded and have not used elsewhere.',
        {
          field: 'iconId',
        },
      );
    await tx
      .update(servers)
      .set({ icon: this.ctx.deps.storage.publicUrl(upload.storageKey), iconAttachmentId: upload.id })
      .where(eq(servers.id, serverId));
  }

  async update(serverId: string, userId: string, input: TUpdateServer): Promise<TServer> {
    const { base } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'MANAGE_SERVER');
    const server = await this.ctx.db.transaction(async (tx) => {
      const patch: Partial<typeof servers.$inferInsert> = { updatedAt: new Date() };
      if (input.name !== undefined) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description || null;
      const [row] = await tx.update(servers).set(patch).where(eq(servers.id, serverId)).returning();
      if (!row) throw new AppError('NOT_FOUND', 'Server not found');
      if (input.iconId !== undefined) await this.setIcon(tx, serverId, userId, input.iconId);
      const [fresh] = await tx.select().from(servers).where(eq(servers.id, serverId));
      return toServer(fresh ?? row, await this.ctx.memberCount(serverId, tx));
    });
    await this.ctx.afterCommit('server updated', () =>
      this.ctx.publisher.toRoom(serverRoom(serverId), 'server_updated', { server }),
    );
    return server;
  }

  async delete(serverId: string, userId: string): Promise<void> {
    const { state } = await this.ctx.memberContext(serverId, userId);
    if (state.server.ownerId !== userId)
      throw new AppError('FORBIDDEN', 'Only the owner can delete a server.');
    const members = await loadMembers(this.ctx.db, serverId);
    const deleted = await this.ctx.db
      .delete(servers)
      .where(and(eq(servers.id, serverId), eq(servers.ownerId, userId)))
      .returning({ id: servers.id });
    if (deleted.length === 0) throw new AppError('NOT_FOUND', 'Server not found');
    const userIds = members.map((member) => member.userId);
    await this.ctx.afterCommit(
      'server deleted',
      () => this.ctx.publisher.toRoom(serverRoom(serverId), 'server_deleted', { serverId }),
      () =>
        this.ctx.publisher.leaveRooms(userIds, [
          serverRoom(serverId),
          ...state.channels.map((channel) => channelRoom(channel.id)),
        ]),
      ...this.ctx.serverDeleted.map((listener) => () => listener({ serverId })),
    );
  }

  async leave(serverId: string, userId: string): Promise<void> {
    const { state } = await this.ctx.memberContext(serverId, userId);
    if (state.server.ownerId === userId)
      throw new AppError('CONFLICT', 'The owner cannot leave; transfer ownership or delete the server.');
    await this.removeMember(
      serverId,
      userId,
      'left',
      state.channels.map((channel) => channel.id),
    );
  }

  /** Removes a membership (its role assignments go with it) and takes the user's sockets out of every room. */
  async removeMember(serverId: string, userId: string, reason: 'left' | 'kicked', channelIds: string[]) {
    const removed = await this.ctx.db
      .delete(serverMembers)
      .where(and(eq(serverMembers.serverId, serverId), eq(serverMembers.userId, userId)))
      .returning({ userId: serverMembers.userId });
    if (removed.length === 0) throw new AppError('NOT_FOUND', 'User not found in server');
    await this.ctx.afterCommit(
      'member left',
      () => this.ctx.publisher.leaveRooms([userId], [serverRoom(serverId), ...channelIds.map(channelRoom)]),
      () => this.ctx.publisher.toRoom(serverRoom(serverId), 'member_left', { serverId, userId, reason }),
      () => this.ctx.publisher.toUser(userId, 'member_left', { serverId, userId, reason }),
    );
  }

  async transfer(serverId: string, userId: string, newOwnerId: string): Promise<TServer> {
    const { state } = await this.ctx.memberContext(serverId, userId);
    if (state.server.ownerId !== userId)
      throw new AppError('FORBIDDEN', 'Only the owner can transfer ownership.');
    const before = await this.ctx.snapshot(serverId);
    const server = await this.ctx.db.transaction(async (tx) => {
      const [target] = await tx
        .select()
        .from(serverMembers)
        .where(and(eq(serverMembers.serverId, serverId), eq(serverMembers.userId, newOwnerId)))
        .for('share');
      if (!target) throw new AppError('NOT_FOUND', 'User not found in server');
      const [row] = await tx
        .update(servers)
        .set({ ownerId: newOwnerId, updatedAt: new Date() })
        .where(and(eq(servers.id, serverId), eq(servers.ownerId, userId)))
        .returning();
      if (!row) throw new AppError('CONFLICT', 'Ownership changed meanwhile; reload and try again.');
      return toServer(row, await this.ctx.memberCount(serverId, tx));
    });
    const members = await loadMembers(this.ctx.db, serverId, [userId, newOwnerId]);
    const dtos = await toMembers(this.ctx.db, serverId, newOwnerId, members);
    await this.ctx.afterCommit(
      'ownership transferred',
      () => this.ctx.publisher.toRoom(serverRoom(serverId), 'server_updated', { server }),
      ...dtos.map(
        (member) => () =>
          this.ctx.publisher.toRoom(serverRoom(serverId), 'member_updated', { serverId, member }),
      ),
      () => this.ctx.syncServer(serverId, before),
    );
    return server;
  }

  /** Servers a user is in, newest membership last. */
  async memberServerIds(userId: string): Promise<string[]> {
    const rows = await this.ctx.db
      .select({ serverId: serverMembers.serverId })
      .from(serverMembers)
      .where(eq(serverMembers.userId, userId));
    return rows.map((row) => row.serverId);
  }

  /** Roles and members for mentions: members among userIds plus holders of mentionable roleIds. */
  async resolveMentionTargets(serverId: string, targets: { userIds: string[]; roleIds: string[] }) {
    const result = new Set<string>();
    if (targets.userIds.length > 0) {
      const rows = await this.ctx.db
        .select({ userId: serverMembers.userId })
        .from(serverMembers)
        .where(and(eq(serverMembers.serverId, serverId), inArray(serverMembers.userId, targets.userIds)));
      for (const row of rows) result.add(row.userId);
    }
    if (targets.roleIds.length > 0) {
      const rows = await this.ctx.db
        .select({ userId: memberRoles.userId })
        .from(memberRoles)
        .innerJoin(roles, eq(roles.id, memberRoles.roleId))
        .where(
          and(
            eq(memberRoles.serverId, serverId),
            eq(roles.serverId, serverId),
            eq(roles.mentionable, true),
            inArray(roles.id, targets.roleIds),
          ),
        );
      for (const row of rows) result.add(row.userId);
    }
    return { userIds: [...result] };
  }
}
