import type { TCreateInvite, TInvite } from '@guftagu/contracts';
import { and, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { users } from '../users/index.js';
import { channelRoom, serverRoom } from './access.js';
import { isBanned, lockMembership } from './bans.service.js';
import { inviteUrl, toInvite, toMembers, toServer } from './communities.dto.js';
import { invites, serverMembers, servers } from './communities.schema.js';
import type { CommunityContext } from './context.js';
import { randomInviteCode } from './invite-codes.js';
import { has } from './permissions.js';
import { loadMember, loadServerState, memberChannelPermissions } from './state.js';

const INVALID = () => new AppError('NOT_FOUND', 'This invite is invalid or has expired.');

/** Invites: the server's permanent code plus extra codes with expiry and a use limit. */
export class InvitesService {
  constructor(private readonly ctx: CommunityContext) {}

  private url(code: string): string {
    return inviteUrl(this.ctx.deps.appUrl, code);
  }

  async serverInvite(serverId: string, userId: string) {
    const { state, base } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'CREATE_INVITE');
    return {
      inviteCode: state.server.inviteCode,
      inviteUrl: this.url(state.server.inviteCode),
      serverName: state.server.name,
      memberCount: await this.ctx.memberCount(serverId),
    };
  }

  async list(serverId: string, userId: string) {
    const { state, base } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'CREATE_INVITE');
    const canManage = has(base, 'MANAGE_SERVER');
    // Without MANAGE_SERVER a member sees only the invites they made.
    const rows = await this.ctx.db
      .select()
      .from(invites)
      .where(
        canManage
          ? eq(invites.serverId, serverId)
          : and(eq(invites.serverId, serverId), eq(invites.inviterId, userId)),
      )
      .orderBy(desc(invites.createdAt));
    return {
      inviteInfo: {
        code: state.server.inviteCode,
        url: this.url(state.server.inviteCode),
        serverName: state.server.name,
        serverIcon: state.server.icon,
      },
      invites: rows.map((row) => toInvite(row, this.ctx.deps.appUrl)),
      permissions: {
        canRegenerateInvite: canManage,
        canManageInvites: canManage,
        isOwner: state.server.ownerId === userId,
      },
    };
  }

  async regenerate(serverId: string, userId: string) {
    const { state, base } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'MANAGE_SERVER');
    const code = randomInviteCode();
    const [row] = await this.ctx.db
      .update(servers)
      .set({ inviteCode: code, updatedAt: new Date() })
      .where(eq(servers.id, serverId))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'Server not found');
    const server = toServer(row, await this.ctx.memberCount(serverId));
    await this.ctx.afterCommit('invite regenerated', () =>
      this.ctx.publisher.toRoom(serverRoom(serverId), 'server_updated', { server }),
    );
    return {
      message: 'Invite code regenerated successfully',
      oldInviteCode: state.server.inviteCode,
      newInviteCode: code,
      inviteUrl: this.url(code),
      serverName: row.name,
    };
  }

  async create(serverId: string, userId: string, input: TCreateInvite): Promise<TInvite> {
    const { base } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'CREATE_INVITE');
    const [row] = await this.ctx.db
      .insert(invites)
      .values({
        code: randomInviteCode(),
        serverId,
        inviterId: userId,
        maxUses: input.maxUses ? input.maxUses : null,
        expiresAt: input.maxAgeSeconds ? new Date(Date.now() + input.maxAgeSeconds * 1000) : null,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL_ERROR', 'Invite not created');
    return toInvite(row, this.ctx.deps.appUrl);
  }

  async revoke(serverId: string, userId: string, code: string): Promise<void> {
    const { base } = await this.ctx.memberContext(serverId, userId);
    const [row] = await this.ctx.db
      .select()
      .from(invites)
      .where(and(eq(invites.serverId, serverId), eq(invites.code, code)));
    if (!row) throw new AppError('NOT_FOUND', 'Invite not found');
    if (row.inviterId !== userId) this.ctx.require(base, 'MANAGE_SERVER');
    await this.ctx.db.delete(invites).where(eq(invites.code, code));
  }

  /** Which server a code opens, if it is still usable (without using it). */
  private async lookup(
    code: string,
  ): Promise<{ serverId: string; expiresAt: Date | null; permanent: boolean } | null> {
    const [server] = await this.ctx.db
      .select({ id: servers.id })
      .from(servers)
      .where(eq(servers.inviteCode, code));
    if (server) return { serverId: server.id, expiresAt: null, permanent: true };
    const [invite] = await this.ctx.db
      .select()
      .from(invites)
      .where(
        and(
          eq(invites.code, code),
          or(isNull(invites.expiresAt), gt(invites.expiresAt, sql`now()`)),
          or(isNull(invites.maxUses), sql`${invites.uses} < ${invites.maxUses}`),
        ),
      );
    return invite ? { serverId: invite.serverId, expiresAt: invite.expiresAt, permanent: false } : null;
  }

  /** Seed 001's public preview: what a visitor sees before joining. */
  async preview(code: string) {
    const found = await this.lookup(code);
    if (!found) throw INVALID();
    const [row] = await this.ctx.db
      .select({
        server: servers,
        ownerUsername: users.username,
        ownerAvatar: users.profilePicture,
        memberCount: sql<number>`(select count(*)::int from ${serverMembers} m where m.server_id = ${servers.id})`,
        onlineCount: sql<number>`(select count(*)::int from ${serverMembers} m join ${users} u on u.id = m.user_id
          where m.server_id = ${servers.id} and u.is_online and u.status <> 'invisible')`,
      })
      .from(servers)
      .innerJoin(users, eq(users.id, servers.ownerId))
      .where(eq(servers.id, found.serverId));
    if (!row) throw INVALID();
    return {
      valid: true as const,
      inviteCode: code,
      expiresAt: found.expiresAt?.toISOString() ?? null,
      server: {
        id: row.server.id,
        name: row.server.name,
        description: row.server.description,
        icon: row.server.icon,
        memberCount: row.memberCount,
        onlineCount: row.onlineCount,
        createdAt: row.server.createdAt.toISOString(),
        owner: { username: row.ownerUsername, avatar: row.ownerAvatar },
      },
    };
  }

  /**
   * Joins by code. Already a member: nothing changes and no use is spent. Otherwise the membership
   * and the use are one transaction, and the use is one conditional UPDATE: concurrent joins queue on
   * the invite's row and each re-checks `uses < max_uses`, so a limit of 10 admits exactly 10.
   */
  async join(code: string, userId: string) {
    const found = await this.lookup(code);
    if (!found) throw INVALID();
    const { serverId } = found;
    const { limits } = this.ctx.deps;
    const joined = await this.ctx.db.transaction(async (tx) => {
      await lockMembership(tx, serverId, userId);
      if (await isBanned(tx, serverId, userId))
        throw new AppError('FORBIDDEN', 'You are banned from this server.');
      const inserted = await tx
        .insert(serverMembers)
        .values({ serverId, userId })
        .onConflictDoNothing()
        .returning({ userId: serverMembers.userId });
      if (inserted.length === 0) return false;
      if (found.permanent) {
        const [still] = await tx.select({ id: servers.id }).from(servers).where(eq(servers.inviteCode, code));
        if (!still) throw INVALID();
      } else {
        const used = await tx
          .update(invites)
          .set({ uses: sql`${invites.uses} + 1` })
          .where(
            and(
              eq(invites.code, code),
              or(isNull(invites.expiresAt), gt(invites.expiresAt, sql`now()`)),
              or(isNull(invites.maxUses), sql`${invites.uses} < ${invites.maxUses}`),
            ),
          )
          .returning({ code: invites.code });
        if (used.length === 0) throw INVALID();
      }
      const [mine] = await tx
        .select({ n: count() })
        .from(serverMembers)
        .where(eq(serverMembers.userId, userId));
      if ((mine?.n ?? 0) > limits.serversPerUser)
        throw new AppError('CONFLICT', `You can be in at most ${limits.serversPerUser} servers.`, {
          limit: limits.serversPerUser,
        });
      const [all] = await tx
        .select({ n: count() })
        .from(serverMembers)
        .where(eq(serverMembers.serverId, serverId));
      if ((all?.n ?? 0) > limits.membersPerServer)
        throw new AppError('CONFLICT', 'This server is full.', { limit: limits.membersPerServer });
      return true;
    });
    const state = await loadServerState(this.ctx.db, serverId);
    const member = state ? await loadMember(this.ctx.db, serverId, userId) : null;
    if (!state || !member) throw INVALID();
    const server = toServer(state.server, await this.ctx.memberCount(serverId));
    if (joined) {
      const rooms = [
        serverRoom(serverId),
        ...state.channels
          .filter(
            (channel) =>
              channel.type !== 'category' &&
              has(memberChannelPermissions(state, channel.id, member), 'VIEW_CHANNEL'),
          )
          .map((channel) => channelRoom(channel.id)),
      ];
      const [dto] = await toMembers(this.ctx.db, serverId, state.server.ownerId, [member]);
      await this.ctx.afterCommit(
        'member joined',
        () => this.ctx.publisher.joinRooms([userId], rooms),
        () =>
          dto && this.ctx.publisher.toRoom(serverRoom(serverId), 'member_joined', { serverId, member: dto }),
        () => this.ctx.publisher.toUser(userId, 'server_joined', { server }),
      );
    }
    return {
      server,
      joined,
      message: joined ? 'Successfully joined server' : 'You are already a member of this server',
    };
  }
}
