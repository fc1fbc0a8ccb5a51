import type { PermissionName } from '@guftagu/contracts';
import { count, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { ObjectStorage } from '../../platform/storage/storage.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import { channelRoom, serverRoom } from './access.js';
import { toChannel } from './communities.dto.js';
import {
  channelOverwrites,
  channels,
  memberRoles,
  type OverwriteRow,
  roles,
  serverMembers,
  servers,
} from './communities.schema.js';
import { has } from './permissions.js';
import {
  type Executor,
  loadMember,
  loadMembers,
  loadServerState,
  type MemberState,
  memberBase,
  memberChannelPermissions,
  type ServerState,
  viewersByChannel,
} from './state.js';

export interface CommunityLimits {
  serversPerUser: number;
  channelsPerServer: number;
  rolesPerServer: number;
  membersPerServer: number;
}

export interface CommunityDeps {
  db: Database;
  publisher: RealtimePublisher;
  storage: ObjectStorage;
  logger: Logger;
  limits: CommunityLimits;
  /** Base of invite links (`APP_URL`), empty for relative links. */
  appUrl: string;
}

type Listener<T> = (event: T) => void;

/** What every service of the module shares: dependencies, listeners and room upkeep. */
export class CommunityContext {
  readonly channelDeleted: Listener<{ serverId: string; channelId: string }>[] = [];
  readonly serverDeleted: Listener<{ serverId: string }>[] = [];

  constructor(readonly deps: CommunityDeps) {}

  get db() {
    return this.deps.db;
  }

  get publisher() {
    return this.deps.publisher;
  }

  /** Server state and the caller's membership, or NOT_FOUND for a server the caller is not in. */
  async memberContext(
    serverId: string,
    userId: string,
    db: Executor = this.db,
  ): Promise<{ state: ServerState; member: MemberState; base: bigint }> {
    const state = await loadServerState(db, serverId);
    const member = state ? await loadMember(db, serverId, userId) : null;
    // A non-member learns nothing, not even that the server exists.
    if (!state || !member) throw new AppError('NOT_FOUND', 'Server not found');
    return { state, member, base: memberBase(state, member) };
  }

  require(bits: bigint, name: PermissionName): void {
    if (!has(bits, name))
      throw new AppError('FORBIDDEN', "You don't have permission to perform this action", {
        permission: name,
      });
  }

  async memberCount(serverId: string, db: Executor = this.db): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(serverMembers)
      .where(eq(serverMembers.serverId, serverId));
    return row?.n ?? 0;
  }

  /** Visibility of every channel of a server, before a change, for `syncServer` to diff against. */
  async snapshot(serverId: string): Promise<Map<string, Set<string>> | null> {
    const state = await loadServerState(this.db, serverId);
    if (!state) return null;
    const viewers = viewersByChannel(state, await loadMembers(this.db, serverId));
    return new Map([...viewers].map(([channelId, ids]) => [channelId, new Set(ids)]));
  }

  /**
   * Makes every channel room of the server exact for the state after a committed change, on every
   * node: viewers join, everyone else leaves. With a `before` snapshot, a member who gained a channel
   * gets `channel_created` and one who lost it `channel_deleted` (from their view it appeared/went).
   */
  async syncServer(serverId: string, before?: Map<string, Set<string>> | null): Promise<void> {
    const state = await loadServerState(this.db, serverId);
    if (!state) return;
    const members = await loadMembers(this.db, serverId);
    const viewers = viewersByChannel(state, members);
    const everyone = members.map((member) => member.userId);
    for (const channel of state.channels) {
      const can = viewers.get(channel.id) ?? [];
      const allowed = new Set(can);
      if (channel.type !== 'category') {
        this.publisher.leaveRooms(
          everyone.filter((id) => !allowed.has(id)),
          [channelRoom(channel.id)],
        );
        this.publisher.joinRooms(can, [channelRoom(channel.id)]);
      }
      const previous = before?.get(channel.id);
      if (!before) continue;
      const dto = toChannel(channel, state.overwrites.get(channel.id) ?? []);
      for (const userId of can)
        if (!previous?.has(userId)) this.publisher.toUser(userId, 'channel_created', { channel: dto });
      for (const userId of previous ?? [])
        if (!allowed.has(userId))
          this.publisher.toUser(userId, 'channel_deleted', { serverId, channelId: channel.id });
    }
  }

  /**
   * Rooms one user belongs in: their servers and the channels they can view there. Five statements
   * however many servers the user is in, since every socket that authenticates asks.
   */
  async roomsOf(userId: string): Promise<string[]> {
    const memberships = await this.db.select().from(serverMembers).where(eq(serverMembers.userId, userId));
    if (memberships.length === 0) return [];
    const serverIds = memberships.map((row) => row.serverId);
    const [serverRows, roleRows, heldRows, channelRows] = await Promise.all([
      this.db.select().from(servers).where(inArray(servers.id, serverIds)),
      this.db.select().from(roles).where(inArray(roles.serverId, serverIds)),
      this.db.select().from(memberRoles).where(eq(memberRoles.userId, userId)),
      this.db.select().from(channels).where(inArray(channels.serverId, serverIds)),
    ]);
    const overwriteRows =
      channelRows.length === 0
        ? []
        : await this.db
            .select()
            .from(channelOverwrites)
            .where(
              inArray(
                channelOverwrites.channelId,
                channelRows.map((row) => row.id),
              ),
            );
    const rooms: string[] = [];
    for (const membership of memberships) {
      const server = serverRows.find((row) => row.id === membership.serverId);
      const serverRoles = roleRows.filter((row) => row.serverId === membership.serverId);
      const everyone = serverRoles.find((row) => row.isDefault);
      if (!server || !everyone) continue;
      const serverChannels = channelRows.filter((row) => row.serverId === membership.serverId);
      const overwrites = new Map<string, OverwriteRow[]>();
      for (const row of overwriteRows) {
        if (!serverChannels.some((channel) => channel.id === row.channelId)) continue;
        overwrites.set(row.channelId, [...(overwrites.get(row.channelId) ?? []), row]);
      }
      const state: ServerState = {
        server,
        roles: serverRoles,
        everyone,
        channels: serverChannels,
        overwrites,
      };
      const member: MemberState = {
        userId,
        nickname: membership.nickname,
        joinedAt: membership.joinedAt,
        roleIds: heldRows.filter((row) => row.serverId === membership.serverId).map((row) => row.roleId),
      };
      rooms.push(serverRoom(server.id));
      for (const channel of serverChannels)
        if (
          channel.type !== 'category' &&
          has(memberChannelPermissions(state, channel.id, member), 'VIEW_CHANNEL')
        )
          rooms.push(channelRoom(channel.id));
    }
    return rooms;
  }

  /**
   * Joins a freshly bound user's sockets to their rooms. A change that committed while the rooms were
   * computed may have run its `leaveRooms` before this join, so the rooms are computed once more and
   * the difference corrected: the socket ends exact either way.
   */
  async bindRooms(userId: string): Promise<void> {
    const first = await this.roomsOf(userId);
    this.publisher.joinRooms([userId], first);
    const again = await this.roomsOf(userId);
    const now = new Set(again);
    const before = new Set(first);
    this.publisher.leaveRooms(
      [userId],
      first.filter((room) => !now.has(room)),
    );
    this.publisher.joinRooms(
      [userId],
      again.filter((room) => !before.has(room)),
    );
  }

  /** Emits a channel event to exactly the members who can view the channel. */
  emitToViewers(
    state: ServerState,
    members: readonly MemberState[],
    channelId: string,
    emit: (userId: string) => void,
  ): void {
    for (const member of members)
      if (has(memberChannelPermissions(state, channelId, member), 'VIEW_CHANNEL')) emit(member.userId);
  }

  async afterCommit(what: string, ...effects: Array<() => unknown>): Promise<void> {
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        this.deps.logger.error({ err: error, effect: what }, 'side effect after commit failed');
      }
    }
  }
}
