import type { ServerPayload } from '@guftagu/contracts';
import { runAfterCommit } from '../../platform/after-commit.js';
import type { Database } from '../../platform/db/client.js';
import type { Logger } from '../../platform/logger.js';
import type { SocketLifecycle } from '../../realtime/gateway.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import { visiblePresence } from '../social/index.js';
import { setOnline, setStatus, touchLastActive, type UserRow } from '../users/index.js';
import type { PresenceStore } from './presence.store.js';

type ChosenStatus = UserRow['status'];

/** What others may see of a user's presence after a change (invisible reads as offline). */
export interface PresenceChange {
  userId: string;
  isOnline: boolean;
  status: ServerPayload<'friend_online'>['status'];
}

/**
 * Online while any socket is open (several tabs, several nodes); offline with `lastActive` when the
 * last one closes. Friends hear about it at once; someone who is invisible looks offline to them.
 */
export class PresenceService implements SocketLifecycle {
  constructor(
    private readonly db: Database,
    private readonly store: PresenceStore,
    private readonly publisher: RealtimePublisher,
    private readonly friendIdsOf: (userId: string) => Promise<string[]>,
    /** Where a failed announcement is reported: the change it announces has already been stored. */
    private readonly logger: Logger,
  ) {}

  private readonly listeners: Array<(change: PresenceChange) => Promise<void>> = [];

  /** Other audiences than friends (a community's members) hear of each change through this. */
  onChange(listener: (change: PresenceChange) => Promise<void>): void {
    this.listeners.push(listener);
  }

  private announceAfterCommit(user: UserRow): Promise<void> {
    return runAfterCommit(this.logger, 'presence announcement', () => this.announce(user));
  }

  private async announce(user: UserRow): Promise<void> {
    const presence = visiblePresence(user);
    const payload: ServerPayload<'friend_online'> = {
      friendId: user.id,
      userId7Digit: user.publicId,
      username: user.username ?? '',
      displayName: user.displayName,
      profilePicture: user.profilePicture,
      status: presence.status,
      customStatus: presence.customStatus,
      lastActive: presence.lastActive,
      timestamp: new Date().toISOString(),
    };
    const event = presence.isOnline ? 'friend_online' : 'friend_offline';
    for (const friendId of await this.friendIdsOf(user.id)) this.publisher.toUser(friendId, event, payload);
    const change = { userId: user.id, isOnline: presence.isOnline, status: presence.status };
    for (const listener of this.listeners) await listener(change);
  }

  /**
   * Transitions of one user run one after another on this node. Without that, a tab closing while
   * another opens (a page reload) writes offline and online concurrently, and whichever commits last
   * wins — sometimes "offline" for a user who is online. Inside the queue the stored flag is what the
   * presence store says now, so a late writer still writes the truth.
   */
  private readonly queues = new Map<string, Promise<void>>();

  private serially(userId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(userId) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(userId, next);
    // `then(cleanup, cleanup)`, not `finally`: a finally-derived promise re-rejects with the work's
    // error, and nobody awaits it, so a failed write would surface as an unhandled rejection.
    const cleanup = () => {
      if (this.queues.get(userId) === next) this.queues.delete(userId);
    };
    void next.then(cleanup, cleanup);
    return next;
  }

  /** Waits for every transition in flight, so shutdown can close the database after the last write. */
  async drain(): Promise<void> {
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  private async settle(userId: string): Promise<void> {
    const user = await setOnline(this.db, userId, await this.store.isOnline(userId));
    if (user && user.status !== 'invisible') await this.announceAfterCommit(user);
  }

  /** A heartbeat from a signed-in socket: the user is active now. */
  async touched(userId: string): Promise<void> {
    await touchLastActive(this.db, userId);
  }

  async bound(userId: string, socketId: string): Promise<void> {
    if (!(await this.store.add(userId, socketId))) return;
    await this.serially(userId, () => this.settle(userId));
  }

  async unbound(userId: string, socketId: string): Promise<void> {
    if (!(await this.store.remove(userId, socketId))) return;
    await this.serially(userId, () => this.settle(userId));
  }

  /**
   * Users whose last socket was on a node that died (kill -9, lost host) never disconnect; the sweep
   * finds them once that node's liveness key has expired, stores them offline and tells their friends.
   * Returns how many it settled.
   */
  async sweepDeadNodes(): Promise<number> {
    const userIds = await this.store.sweepDeadNodes();
    await Promise.all(userIds.map((userId) => this.serially(userId, () => this.settle(userId))));
    return userIds.length;
  }

  /** Changing status re-announces to friends; going invisible reads to them as going offline. */
  async updateStatus(
    userId: string,
    status: ChosenStatus,
    customStatus: string | null | undefined,
  ): Promise<UserRow> {
    const user = await setStatus(this.db, userId, status, customStatus);
    if (!user) throw new Error('status update found no user');
    await runAfterCommit(this.logger, 'status announcement', async () => {
      if (await this.store.isOnline(userId)) await this.announce(user);
    });
    return user;
  }
}
