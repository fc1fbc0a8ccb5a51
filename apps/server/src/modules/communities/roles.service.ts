import { permissionsToBits, type TCreateRole, type TRole, type TUpdateRole } from '@guftagu/contracts';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { serverRoom } from './access.js';
import { toMembers, toRole } from './communities.dto.js';
import { channelOverwrites, memberRoles, type RoleRow, roles, serverMembers } from './communities.schema.js';
import type { CommunityContext } from './context.js';
import { canActOnMember, has, outranks } from './permissions.js';
import {
  actorOf,
  type Executor,
  loadMember,
  loadServerState,
  type MemberState,
  type ServerState,
} from './state.js';

const HIERARCHY = () => new AppError('FORBIDDEN', 'You cannot manage a role at or above your highest role.');

/** Roles: the hierarchy, their flags and who holds them. */
export class RolesService {
  constructor(private readonly ctx: CommunityContext) {}

  async list(serverId: string, userId: string): Promise<TRole[]> {
    const { state } = await this.ctx.memberContext(serverId, userId);
    return state.roles.map(toRole);
  }

  /** Without ADMINISTRATOR one may only grant flags one has. */
  private checkGrantable(base: bigint, bits: bigint): void {
    if (has(base, 'ADMINISTRATOR')) return;
    if ((bits & ~base) !== 0n)
      throw new AppError('FORBIDDEN', 'You can only grant permissions you have yourself.');
  }

  private findRole(state: ServerState, roleId: string): RoleRow {
    const role = state.roles.find((candidate) => candidate.id === roleId);
    if (!role) throw new AppError('NOT_FOUND', 'Role not found');
    return role;
  }

  private async roleContext(roleId: string, userId: string) {
    const [row] = await this.ctx.db.select().from(roles).where(eq(roles.id, roleId));
    if (!row) throw new AppError('NOT_FOUND', 'Role not found');
    const context = await this.ctx.memberContext(row.serverId, userId).catch(() => {
      throw new AppError('NOT_FOUND', 'Role not found');
    });
    return { ...context, role: this.findRole(context.state, roleId) };
  }

  async create(serverId: string, userId: string, input: TCreateRole): Promise<TRole> {
    const { base, state, member } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'MANAGE_ROLES');
    const bits = permissionsToBits(input.permissions ?? []);
    this.checkGrantable(base, bits);
    const limit = this.ctx.deps.limits.rolesPerServer;
    const actor = actorOf(state, member);
    const row = await this.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`roles:${serverId}`}))`);
      const [existing] = await tx.select({ n: count() }).from(roles).where(eq(roles.serverId, serverId));
      if ((existing?.n ?? 0) >= limit)
        throw new AppError('CONFLICT', `A server has at most ${limit} roles.`, { limit });
      // A new role goes right below the creator's highest (the top for the owner), as Discord does.
      const [top] = await tx
        .select({ position: sql<number>`coalesce(max(${roles.position}), 0)::int` })
        .from(roles)
        .where(eq(roles.serverId, serverId));
      const position = actor.isOwner ? (top?.position ?? 0) + 1 : Math.max(1, actor.highestPosition);
      await tx
        .update(roles)
        .set({ position: sql`${roles.position} + 1` })
        .where(
          and(
            eq(roles.serverId, serverId),
            sql`${roles.position} >= ${position}`,
            eq(roles.isDefault, false),
          ),
        );
      const [inserted] = await tx
        .insert(roles)
        .values({
          id: newId(),
          serverId,
          name: input.name,
          color: input.color ?? '#99aab5',
          permissions: bits,
          mentionable: input.mentionable ?? false,
          hoisted: input.hoisted ?? false,
          position,
        })
        .returning();
      if (!inserted) throw new AppError('INTERNAL_ERROR', 'Role not created');
      return inserted;
    });
    const role = toRole(row);
    await this.ctx.afterCommit('role created', () =>
      this.ctx.publisher.toRoom(serverRoom(serverId), 'role_created', { serverId, role }),
    );
    return role;
  }

  async update(roleId: string, userId: string, input: TUpdateRole): Promise<TRole> {
    const { base, state, member, role } = await this.roleContext(roleId, userId);
    this.ctx.require(base, 'MANAGE_ROLES');
    if (!role.isDefault && !outranks(actorOf(state, member), role.position)) throw HIERARCHY();
    if (role.isDefault && !outranks(actorOf(state, member), 0)) throw HIERARCHY();
    const patch: Partial<typeof roles.$inferInsert> = {};
    if (input.name !== undefined && !role.isDefault) patch.name = input.name;
    if (input.color !== undefined) patch.color = input.color;
    if (input.mentionable !== undefined) patch.mentionable = input.mentionable;
    if (input.hoisted !== undefined) patch.hoisted = input.hoisted;
    const permissionsChange = input.permissions !== undefined;
    if (input.permissions !== undefined) {
      const bits = permissionsToBits(input.permissions);
      // Only the flags that change need to be held by the editor.
      this.checkGrantable(base, bits ^ role.permissions);
      patch.permissions = bits;
    }
    const before = permissionsChange ? await this.ctx.snapshot(role.serverId) : null;
    const [row] =
      Object.keys(patch).length === 0
        ? [role]
        : await this.ctx.db.update(roles).set(patch).where(eq(roles.id, roleId)).returning();
    if (!row) throw new AppError('NOT_FOUND', 'Role not found');
    const dto = toRole(row);
    await this.ctx.afterCommit(
      'role updated',
      () =>
        this.ctx.publisher.toRoom(serverRoom(role.serverId), 'role_updated', {
          serverId: role.serverId,
          role: dto,
        }),
      () => (permissionsChange ? this.ctx.syncServer(role.serverId, before) : undefined),
    );
    return dto;
  }

  async delete(roleId: string, userId: string): Promise<void> {
    const { base, state, member, role } = await this.roleContext(roleId, userId);
    this.ctx.require(base, 'MANAGE_ROLES');
    if (role.isDefault) throw new AppError('FORBIDDEN', 'The @everyone role cannot be deleted.');
    if (!outranks(actorOf(state, member), role.position)) throw HIERARCHY();
    const before = await this.ctx.snapshot(role.serverId);
    await this.ctx.db.transaction(async (tx) => {
      await tx.delete(channelOverwrites).where(eq(channelOverwrites.targetId, roleId));
      await tx.delete(roles).where(eq(roles.id, roleId));
    });
    await this.ctx.afterCommit(
      'role deleted',
      () =>
        this.ctx.publisher.toRoom(serverRoom(role.serverId), 'role_deleted', {
          serverId: role.serverId,
          roleId,
        }),
      () => this.ctx.syncServer(role.serverId, before),
    );
  }

  /**
   * New order, lowest first, of every role but `@everyone`. A non-owner may only move roles that sit
   * below their highest role, and only to places below it.
   */
  async reorder(serverId: string, userId: string, roleIds: string[]): Promise<TRole[]> {
    const { base, state, member } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'MANAGE_ROLES');
    const movable = state.roles.filter((role) => !role.isDefault);
    if (new Set(roleIds).size !== roleIds.length || roleIds.length !== movable.length)
      throw new AppError('VALIDATION_ERROR', 'List every role except @everyone exactly once.', {
        field: 'roleIds',
      });
    const actor = actorOf(state, member);
    const changes: Array<{ id: string; position: number }> = [];
    roleIds.forEach((id, index) => {
      const role = this.findRole(state, id);
      if (role.isDefault)
        throw new AppError('VALIDATION_ERROR', '@everyone always stays at the bottom.', { field: 'roleIds' });
      const position = index + 1;
      if (role.position === position) return;
      if (!outranks(actor, role.position) || !outranks(actor, position)) throw HIERARCHY();
      changes.push({ id, position });
    });
    await this.ctx.db.transaction(async (tx) => {
      for (const change of changes)
        await tx.update(roles).set({ position: change.position }).where(eq(roles.id, change.id));
    });
    const fresh = await loadServerState(this.ctx.db, serverId);
    const list = (fresh?.roles ?? []).map(toRole);
    await this.ctx.afterCommit('roles reordered', () =>
      this.ctx.publisher.toRoom(serverRoom(serverId), 'roles_reordered', {
        serverId,
        roles: list.map((role) => ({ id: role.id, position: role.position })),
      }),
    );
    return list;
  }

  /** Checks that `actor` may give or take `roleIds` from `target` (themselves included). */
  private checkAssignable(
    state: ServerState,
    actor: MemberState,
    target: MemberState,
    roleIds: string[],
  ): void {
    const actorRank = actorOf(state, actor);
    if (actor.userId !== target.userId && !canActOnMember(actorRank, actorOf(state, target)))
      throw new AppError('FORBIDDEN', 'Cannot moderate user with equal or higher role');
    for (const roleId of roleIds) {
      const role = this.findRole(state, roleId);
      if (role.isDefault) throw new AppError('VALIDATION_ERROR', 'Everyone holds @everyone already.');
      if (!outranks(actorRank, role.position)) throw HIERARCHY();
    }
  }

  async assign(
    serverId: string,
    userId: string,
    roleId: string,
    targetId: string,
    add: boolean,
  ): Promise<void> {
    const next = (current: string[]) =>
      add ? [...new Set([...current, roleId])] : current.filter((id) => id !== roleId);
    await this.setRoles(serverId, userId, targetId, next, [roleId]);
  }

  /**
   * Replaces a member's roles with `next(current)`; `touched` are the roles the caller names, checked
   * against the hierarchy even when nothing changes (so the answer never depends on the current state).
   */
  async setRoles(
    serverId: string,
    userId: string,
    targetId: string,
    next: (current: string[]) => string[],
    touched?: string[],
  ): Promise<void> {
    const { base, state, member } = await this.ctx.memberContext(serverId, userId);
    this.ctx.require(base, 'MANAGE_ROLES');
    const target = await loadMember(this.ctx.db, serverId, targetId);
    if (!target) throw new AppError('NOT_FOUND', 'User not found in server');
    const wanted = next(target.roleIds);
    const added = wanted.filter((id) => !target.roleIds.includes(id));
    const removed = target.roleIds.filter((id) => !wanted.includes(id));
    this.checkAssignable(state, member, target, [...new Set([...(touched ?? []), ...added, ...removed])]);
    if (added.length === 0 && removed.length === 0) return;
    const before = await this.ctx.snapshot(serverId);
    await this.ctx.db.transaction(async (tx) => {
      await this.lockMember(tx, serverId, targetId);
      if (removed.length > 0)
        await tx
          .delete(memberRoles)
          .where(
            and(
              eq(memberRoles.serverId, serverId),
              eq(memberRoles.userId, targetId),
              inArray(memberRoles.roleId, removed),
            ),
          );
      if (added.length > 0)
        await tx
          .insert(memberRoles)
          .values(added.map((roleId) => ({ serverId, userId: targetId, roleId })))
          .onConflictDoNothing();
    });
    await this.ctx.afterCommit('member roles changed', async () => {
      await this.ctx.syncServer(serverId, before);
      await this.announceMember(serverId, targetId);
    });
  }

  private async lockMember(tx: Executor, serverId: string, userId: string): Promise<void> {
    const [row] = await tx
      .select({ userId: serverMembers.userId })
      .from(serverMembers)
      .where(and(eq(serverMembers.serverId, serverId), eq(serverMembers.userId, userId)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND', 'User not found in server');
  }

  async announceMember(serverId: string, userId: string): Promise<void> {
    const state = await loadServerState(this.ctx.db, serverId);
    const member = state ? await loadMember(this.ctx.db, serverId, userId) : null;
    if (!state || !member) return;
    const [dto] = await toMembers(this.ctx.db, serverId, state.server.ownerId, [member]);
    if (dto) this.ctx.publisher.toRoom(serverRoom(serverId), 'member_updated', { serverId, member: dto });
  }
}
