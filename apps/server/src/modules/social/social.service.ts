import type { TFriend, TFriendRequest, TUserCard } from '@guftagu/contracts';
import { and, DrizzleQueryError, eq } from 'drizzle-orm';
import { DatabaseError } from 'pg';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import type { NotificationsService } from '../notifications/index.js';
import type { UserRow } from '../users/users.schema.js';
import {
  areFriends,
  closePendingBetween,
  deleteFriendshipPair,
  findPendingBetween,
  friendIds,
  getRequestView,
  insertFriendshipPair,
  isBlockedEitherWay,
  listBlocked,
  listFriends,
  listRequests,
  lockRequest,
  lockUsers,
  pendingReceived,
  pendingSent,
  relationshipBetween,
  searchUsers,
  toUserCard,
} from './social.repo.js';
import { blocks, friendRequests } from './social.schema.js';

export interface SocialDeps {
  db: Database;
  publisher: RealtimePublisher;
  notifications: NotificationsService;
  findUser: (target: TargetRef) => Promise<UserRow | undefined>;
  maxFriends: number;
}

export type TargetRef = { id: string } | { username: string } | { publicId: string };

function isPendingPairViolation(error: unknown): boolean {
  const cause = error instanceof DrizzleQueryError ? error.cause : error;
  return (
    cause instanceof DatabaseError &&
    cause.code === '23505' &&
    cause.constraint === 'friend_requests_pending_pair_key'
  );
}

const NOT_FOUND = () => new AppError('NOT_FOUND', 'Friend request not found');

/**
 * Friend requests, friendships and blocks. Every state change runs in one transaction with the rows
 * it depends on locked, so counts stay exact under concurrent clicks; events and notifications go out
 * after the commit, to the users involved and nobody else.
 */
export class SocialService {
  constructor(private readonly deps: SocialDeps) {}

  private get db() {
    return this.deps.db;
  }

  private async requireUser(ref: TargetRef): Promise<UserRow> {
    const user = await this.deps.findUser(ref);
    // Accounts that never chose a username are not findable yet.
    if (!user || user.username === null) throw new AppError('NOT_FOUND', 'No user with that name or ID');
    return user;
  }

  private assertCapacity(locked: Map<string, UserRow>): void {
    for (const user of locked.values()) {
      if (user.friendsCount >= this.deps.maxFriends) {
        throw new AppError(
          'FRIEND_LIMIT_REACHED',
          `${user.username ?? 'A user'} has reached the limit of ${this.deps.maxFriends} friends.`,
        );
      }
    }
  }

  async sendRequest(
    senderId: string,
    target: TargetRef,
    message?: string,
  ): Promise<{ request: TFriendRequest; autoAccepted: boolean }> {
    const sender = await this.requireUser({ id: senderId });
    const receiver = await this.requireUser(target);
    if (receiver.id === sender.id)
      throw new AppError('VALIDATION_ERROR', "You can't send a friend request to yourself.");
    const blocked = await isBlockedEitherWay(this.db, sender.id, receiver.id);
    if (blocked === 'blocked') throw new AppError('BLOCKED', 'You blocked this user. Unblock them first.');
    if (blocked === 'blocked_by')
      throw new AppError('BLOCKED', "You can't send a friend request to this user.");
    if (await areFriends(this.db, sender.id, receiver.id))
      throw new AppError('CONFLICT', 'You are already friends.');

    const pending = await findPendingBetween(this.db, sender.id, receiver.id);
    if (pending?.senderId === receiver.id)
      return { request: await this.accept(sender.id, pending.id).then((r) => r.request), autoAccepted: true };
    if (pending) throw new AppError('CONFLICT', 'Friend request already sent.');
    if (receiver.privacy.allowFriendRequests === 'nobody') {
      throw new AppError('REQUESTS_DISABLED', `${receiver.username} isn't accepting friend requests.`);
    }
    if (sender.friendsCount >= this.deps.maxFriends) {
      throw new AppError(
        'FRIEND_LIMIT_REACHED',
        `You have reached the limit of ${this.deps.maxFriends} friends.`,
      );
    }

    const id = newId();
    try {
      // With both users locked (as `block` locks them), a block that commits first is seen here, and
      // one that commits later finds this request and closes it: never a pending request between a
      // blocked pair.
      await this.db.transaction(async (tx) => {
        await lockUsers(tx, [sender.id, receiver.id]);
        if (await isBlockedEitherWay(tx, sender.id, receiver.id))
          throw new AppError('BLOCKED', "You can't send a friend request to this user.");
        await tx
          .insert(friendRequests)
          .values({ id, senderId: sender.id, receiverId: receiver.id, message: message || null });
      });
    } catch (error) {
      if (!isPendingPairViolation(error)) throw error;
      // A concurrent request won the race: the same direction is a duplicate, the other an acceptance.
      const winner = await findPendingBetween(this.db, sender.id, receiver.id);
      if (winner?.senderId === receiver.id)
        return { request: (await this.accept(sender.id, winner.id)).request, autoAccepted: true };
      throw new AppError('CONFLICT', 'Friend request already sent.');
    }
    const request = await getRequestView(this.db, id);
    if (!request) throw NOT_FOUND();

    this.deps.publisher.toUser(receiver.id, 'friend_request_received', {
      requestId: id,
      from: { ...toUserCard(sender), bio: sender.bio, interests: sender.interests },
      message: request.message,
      sentAt: request.sentAt,
    });
    await this.deps.notifications.notify({
      userId: receiver.id,
      type: 'friend_request',
      title: 'New friend request',
      content: `${sender.displayName || sender.username} wants to be your friend.`,
      relatedUserId: sender.id,
      relatedId: id,
      actionUrl: '/friends/requests',
      priority: 'high',
    });
    // A block, accept or reject that closed the request before the notification existed withdrew
    // nothing; withdraw it now, so a closed request never leaves its notification behind.
    const [current] = await this.db
      .select({ status: friendRequests.status })
      .from(friendRequests)
      .where(eq(friendRequests.id, id));
    if (current?.status !== 'pending') await this.deps.notifications.withdraw(receiver.id, id);
    return { request, autoAccepted: false };
  }

  async accept(userId: string, requestId: string): Promise<{ request: TFriendRequest; friend: TFriend }> {
    const { request } = await this.db.transaction(async (tx) => {
      // Only the receiver may accept; to anyone else the request does not exist.
      const [peek] = await tx.select().from(friendRequests).where(eq(friendRequests.id, requestId)).limit(1);
      if (!peek || peek.receiverId !== userId) throw NOT_FOUND();
      // Users first, then the request: the order `block` uses, so the two can never deadlock.
      const locked = await lockUsers(tx, [peek.senderId, peek.receiverId]);
      const row = await lockRequest(tx, requestId);
      if (row?.status !== 'pending') throw NOT_FOUND();
      this.assertCapacity(locked);
      await insertFriendshipPair(tx, row.senderId, row.receiverId);
      await tx
        .update(friendRequests)
        .set({ status: 'accepted', respondedAt: new Date() })
        .where(eq(friendRequests.id, row.id));
      return { request: row };
    });

    const [view, friends] = await Promise.all([
      getRequestView(this.db, request.id),
      listFriends(this.db, userId, { sort: 'recently_added', friendId: request.senderId }),
    ]);
    const [friend] = friends;
    if (!view || !friend) throw NOT_FOUND();
    const accepter = await this.requireUser({ id: userId });
    const acceptedAt = new Date().toISOString();
    this.deps.publisher.toUser(request.senderId, 'friend_request_accepted', {
      requestId: request.id,
      by: toUserCard(accepter),
      acceptedAt,
    });
    await this.deps.notifications.withdraw(userId, request.id);
    await this.deps.notifications.notify({
      userId: request.senderId,
      type: 'friend_accepted',
      title: 'Friend request accepted',
      content: `${accepter.displayName || accepter.username} accepted your friend request.`,
      relatedUserId: userId,
      relatedId: request.id,
      actionUrl: `/profile/${accepter.username}`,
    });
    return { request: { ...view, status: 'accepted' }, friend };
  }

  private async close(userId: string, requestId: string, as: 'receiver' | 'sender'): Promise<TFriendRequest> {
    const status = as === 'receiver' ? 'rejected' : 'cancelled';
    const row = await this.db.transaction(async (tx) => {
      const locked = await lockRequest(tx, requestId);
      const owner = as === 'receiver' ? locked?.receiverId : locked?.senderId;
      if (!locked || owner !== userId || locked.status !== 'pending') throw NOT_FOUND();
      await tx
        .update(friendRequests)
        .set({ status, respondedAt: new Date() })
        .where(eq(friendRequests.id, requestId));
      return locked;
    });
    const view = await getRequestView(this.db, requestId);
    if (!view) throw NOT_FOUND();
    const actor = await this.requireUser({ id: userId });
    const by = { userId: actor.id, username: actor.username ?? '' };
    if (as === 'receiver') {
      this.deps.publisher.toUser(row.senderId, 'friend_request_rejected', {
        requestId,
        by,
        rejectedAt: new Date().toISOString(),
      });
      await this.deps.notifications.withdraw(userId, requestId);
    } else {
      this.deps.publisher.toUser(row.receiverId, 'friend_request_cancelled', { requestId, by });
      await this.deps.notifications.withdraw(row.receiverId, requestId);
    }
    return view;
  }

  reject(userId: string, requestId: string): Promise<TFriendRequest> {
    return this.close(userId, requestId, 'receiver');
  }

  cancel(userId: string, requestId: string): Promise<TFriendRequest> {
    return this.close(userId, requestId, 'sender');
  }

  async unfriend(userId: string, friendId: string): Promise<void> {
    const removed = await this.db.transaction(async (tx) => {
      await lockUsers(tx, [userId, friendId]);
      return deleteFriendshipPair(tx, userId, friendId);
    });
    if (!removed) throw new AppError('NOT_FOUND', 'You are not friends with this user.');
    const actor = await this.requireUser({ id: userId });
    this.deps.publisher.toUser(friendId, 'unfriended', {
      by: { userId, username: actor.username ?? '' },
      timestamp: new Date().toISOString(),
    });
  }

  /** Blocking ends the friendship and every pending request between the two, in either direction. */
  async block(userId: string, targetId: string): Promise<void> {
    if (userId === targetId) throw new AppError('VALIDATION_ERROR', "You can't block yourself.");
    const target = await this.deps.findUser({ id: targetId });
    if (!target) throw new AppError('NOT_FOUND', 'User not found');
    const closed = await this.db.transaction(async (tx) => {
      await lockUsers(tx, [userId, targetId]);
      await tx.insert(blocks).values({ blockerId: userId, blockedId: targetId }).onConflictDoNothing();
      await deleteFriendshipPair(tx, userId, targetId);
      return closePendingBetween(tx, userId, targetId);
    });
    for (const request of closed) await this.deps.notifications.withdraw(request.receiverId, request.id);
    const actor = await this.requireUser({ id: userId });
    this.deps.publisher.toUser(targetId, 'blocked_by_user', {
      by: { userId, username: actor.username ?? '' },
    });
  }

  async unblock(userId: string, targetId: string): Promise<void> {
    const removed = await this.db
      .delete(blocks)
      .where(and(eq(blocks.blockerId, userId), eq(blocks.blockedId, targetId)))
      .returning({ blockedId: blocks.blockedId });
    if (removed.length === 0) throw new AppError('NOT_FOUND', "You haven't blocked this user.");
  }

  listFriends(
    userId: string,
    options: { q?: string | undefined; sort: 'recent_activity' | 'alphabetical' | 'recently_added' },
  ) {
    return listFriends(this.db, userId, options);
  }

  async listRequests(userId: string): Promise<{ received: TFriendRequest[]; sent: TFriendRequest[] }> {
    const [received, sent] = await Promise.all([
      listRequests(this.db, pendingReceived(userId)),
      listRequests(this.db, pendingSent(userId)),
    ]);
    return { received, sent };
  }

  async search(userId: string, prefix: string) {
    const found = await searchUsers(this.db, userId, prefix, 10);
    return Promise.all(
      found.map(async (user) => ({
        ...toUserCard(user),
        relationship: (await relationshipBetween(this.db, userId, user.id)).relationship,
      })),
    );
  }

  listBlocked(userId: string): Promise<TUserCard[]> {
    return listBlocked(this.db, userId);
  }

  relationship(viewerId: string, targetId: string) {
    return relationshipBetween(this.db, viewerId, targetId);
  }

  /** The rule DMs and random matching read too: is either side blocking the other? */
  async isBlocked(a: string, b: string): Promise<boolean> {
    return (await isBlockedEitherWay(this.db, a, b)) !== null;
  }

  friendIds(userId: string): Promise<string[]> {
    return friendIds(this.db, userId);
  }
}
