import type { TMember, TUpdateMember } from '@guftagu/contracts';
import { and, asc, eq, gt } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { toMembers, toRole } from './communities.dto.js';
import { serverMembers } from './communities.schema.js';
import type { CommunityContext } from './context.js';
import { canActOnMember, has } from './permissions.js';
import type { RolesService } from './roles.service.js';
import type { ServersService } from './servers.service.js';
import { actorOf, loadMember, loadMembers } from './state.js';

/** The member list, member details and member settings (nickname, roles), and kicks. */
export class MembersService {
  constructor(
    private readonly ctx: CommunityContext,
    private readonly roles: RolesService,
    private readonly servers: ServersService,
  ) {}

  async list(serverId: string, userId: string, page: { limit: number; after?: string | undefined }) {
    const { state } = await this.ctx.memberContext(serverId, userId);
    const ids = await this.ctx.db
      .select({ userId: serverMembers.userId })
      .from(serverMembers)
      .where(
        and(
          eq(serverMembers.serverId, serverId),
          page.after ? gt(serverMembers.userId, page.after) : undefined,
        ),
      )
      .orderBy(asc(serverMembers.userId))
      .limit(page.limit + 1);
    const more = ids.length > page.limit;
    const pageIds = ids.slice(0, page.limit).map((row) => row.userId);
    const members = (await loadMembers(this.ctx.db, serverId, pageIds)).sort((a, b) =>
      a.userId < b.userId ? -1 : 1,
    );
    return {
      members: await toMembers(this.ctx.db, serverId, state.server.ownerId, members),
      roles: state.roles.map(toRole),
      nextCursor: more ? (pageIds.at(-1) ?? null) : null,
    };
  }

  async get(serverId: string, userId: string, targetId: string): Promise<TMember> {
    const { state } = await this.ctx.memberContext(serverId, userId);
    const target = await loadMember(this.ctx.db, serverId, targetId);
    if (!target) throw new AppError('NOT_FOUND', 'User not found in server');
    const [member] = await toMembers(this.ctx.db, serverId, state.server.ownerId, [target]);
    if (!member) throw new AppError('NOT_FOUND', 'User not found in server');
    return member;
  }

  /**
   * Your own nickname is yours to change; someone else's needs MODERATE_MEMBERS and a higher role.
   * Roles go through the role rules (MANAGE_ROLES and the hierarchy, see RolesService).
   */
  async update(serverId: string, userId: string, targetId: string, input: TUpdateMember): Promise<TMember> {
    const { state, member, base } = await this.ctx.memberContext(serverId, userId);
    const target = await loadMember(this.ctx.db, serverId, targetId);
    if (!target) throw new AppError('NOT_FOUND', 'User not found in server');
    if (input.nickname !== undefined && targetId !== userId) {
      this.ctx.require(base, 'MODERATE_MEMBERS');
      if (!canActOnMember(actorOf(state, member), actorOf(state, target)))
        throw new AppError('FORBIDDEN', 'Cannot moderate user with equal or higher role');
    }
    if (input.roleIds !== undefined) {
      const known = new Set(state.roles.map((role) => role.id));
      const unknown = input.roleIds.find((id) => !known.has(id));
      if (unknown) throw new AppError('NOT_FOUND', 'Role not found', { roleId: unknown });
      const wanted = [...new Set(input.roleIds)];
      await this.roles.setRoles(serverId, userId, targetId, () => wanted);
    }
    if (input.nickname !== undefined) {
      await this.ctx.db
        .update(serverMembers)
        .set({ nickname: input.nickname || null })
        .where(and(eq(serverMembers.serverId, serverId), eq(serverMembers.userId, targetId)));
      await this.ctx.afterCommit('nickname changed', () => this.roles.announceMember(serverId, targetId));
    }
    return this.get(serverId, userId, targetId);
  }

  async kick(serverId: string, userId: string, targetId: string): Promise<void> {
    const { state, member, base } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'KICK_MEMBERS');
    const target = await loadMember(this.ctx.db, serverId, targetId);
    if (!target) throw new AppError('NOT_FOUND', 'User not found in server');
    if (targetId === userId || !canActOnMember(actorOf(state, member), actorOf(state, target)))
      throw new AppError('FORBIDDEN', 'Cannot moderate user with equal or higher role');
    if (!has(base, 'KICK_MEMBERS')) return;
    await this.servers.removeMember(
      serverId,
      targetId,
      'kicked',
      state.channels.map((channel) => channel.id),
    );
  }
}
