import type { TBan, TBanMember } from '@guftagu/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { toUserCard } from '../social/index.js';
import { users } from '../users/index.js';
import { channelRoom, serverRoom } from './access.js';
import { serverBans, serverMembers } from './communities.schema.js';
import type { CommunityContext } from './context.js';
import { canActOnMember } from './permissions.js';
import { actorOf, type Executor, loadMember } from './state.js';

/**
 * Serialises a user's join with a ban of them in one server: without it a join could check for a ban
 * before the ban commits, and a ban delete the membership before the join commits, leaving a banned member.
 */
export async function lockMembership(tx: Executor, serverId: string, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`member:${serverId}:${userId}`}))`);
}

export async function isBanned(tx: Executor, serverId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: serverBans.userId })
    .from(serverBans)
    .where(
      and(
        eq(serverBans.serverId, serverId),
        eq(serverBans.userId, userId),
        sql`(${serverBans.expiresAt} is null or ${serverBans.expiresAt} > now())`,
      ),
    );
  return row !== undefined;
}

/** Seed 001's bans: BAN_MEMBERS, below one's highest role; a member is removed, anyone may be banned by id. */
export class BansService {
  constructor(private readonly ctx: CommunityContext) {}

  async ban(serverId: string, userId: string, targetId: string, input: TBanMember): Promise<void> {
    const { state, member, base } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'BAN_MEMBERS');
    if (targetId === userId || targetId === state.server.ownerId)
      throw new AppError('FORBIDDEN', 'Cannot moderate user with equal or higher role');
    const target = await loadMember(this.ctx.db, serverId, targetId);
    if (target && !canActOnMember(actorOf(state, member), actorOf(state, target)))
      throw new AppError('FORBIDDEN', 'Cannot moderate user with equal or higher role');
    const [known] = await this.ctx.db.select({ id: users.id }).from(users).where(eq(users.id, targetId));
    if (!known) throw new AppError('NOT_FOUND', 'User not found');
    const expiresAt = input.durationDays ? new Date(Date.now() + input.durationDays * 86_400_000) : null;
    const removed = await this.ctx.db.transaction(async (tx) => {
      await lockMembership(tx, serverId, targetId);
      await tx
        .insert(serverBans)
        .values({ serverId, userId: targetId, moderatorId: userId, reason: input.reason || null, expiresAt })
        .onConflictDoUpdate({
          target: [serverBans.serverId, serverBans.userId],
          set: { moderatorId: userId, reason: input.reason || null, expiresAt, createdAt: new Date() },
        });
      return tx
        .delete(serverMembers)
        .where(and(eq(serverMembers.serverId, serverId), eq(serverMembers.userId, targetId)))
        .returning({ userId: serverMembers.userId });
    });
    if (removed.length === 0) return;
    const event = { serverId, userId: targetId, reason: 'banned' as const };
    await this.ctx.afterCommit(
      'member banned',
      () =>
        this.ctx.publisher.leaveRooms(
          [targetId],
          [serverRoom(serverId), ...state.channels.map((channel) => channelRoom(channel.id))],
        ),
      () => this.ctx.publisher.toRoom(serverRoom(serverId), 'member_left', event),
      () => this.ctx.publisher.toUser(targetId, 'member_left', event),
    );
  }

  async list(serverId: string, userId: string): Promise<TBan[]> {
    const { base } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'BAN_MEMBERS');
    const rows = await this.ctx.db
      .select({ ban: serverBans, user: users })
      .from(serverBans)
      .innerJoin(users, eq(users.id, serverBans.userId))
      .where(eq(serverBans.serverId, serverId))
      .orderBy(desc(serverBans.createdAt));
    return rows.map(({ ban, user }) => ({
      serverId,
      user: toUserCard(user),
      moderatorId: ban.moderatorId,
      reason: ban.reason,
      expiresAt: ban.expiresAt?.toISOString() ?? null,
      createdAt: ban.createdAt.toISOString(),
    }));
  }

  async unban(serverId: string, userId: string, targetId: string): Promise<void> {
    const { base } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'BAN_MEMBERS');
    const deleted = await this.ctx.db
      .delete(serverBans)
      .where(and(eq(serverBans.serverId, serverId), eq(serverBans.userId, targetId)))
      .returning({ userId: serverBans.userId });
    if (deleted.length === 0) throw new AppError('NOT_FOUND', 'Ban not found');
  }
}
