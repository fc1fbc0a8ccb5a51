import type { TFriend, TFriendRequest, TUserCard } from '@guftagu/contracts';
import { and, eq } from 'drizzle-orm';
import { runAfterCommit } from '../../platform/after-commit.js';
import type { Database } from '../../platform/db/client.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import type { NotificationsService } from '../notifications/index.js';
import { lockUsers, type UserRow } from '../users/index.js';
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
  pendingReceived,
  pendingSent,
  relationshipBetween,
  searchUsers,
  toUserCard,
} from './social.repo.js';
import { blocks, type FriendRequestRow, friendRequests } from './social.schema.js';

export interface SocialDeps {
  db: Database;
  publisher: RealtimePublisher;
  notifications: NotificationsService;
  findUser: (target: TargetRef) => Promise<UserRow | undefined>;
  maxFriends: number;
  /** Where failed events and notifications after a commit are reported. */
  logger: Logger;
}

export type TargetRef = { id: string } | { username: string } | { publicId: string };

const NOT_FOUND = () => new AppError('NOT_FOUND', 'Friend request not found');
const ALREADY_FRIENDS = () => new AppError('CONFLICT', 'You are already friends.');

/**
 * Friend requests, friendships and blocks. Every state change runs in one transaction with the rows
 * it depends on locked, so counts stay exact under concurrent clicks; events and notifications go out
 * after the commit, to the users involved and nobody else, and their failures never fail the change.
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

  private afterCommit(what: string, ...effects: Array<() => unknown>): Promise<void> {
    return runAfterCommit(this.deps.logger, what, ...effects);
  }

  /** Tells a user's friends that their card (name, picture) changed; called after the change committed. */
  announceProfileChange(user: UserRow): Promise<void> {
    return this.afterCommit('profile fan-out', async () => {
      for (const friendId of await this.friendIds(user.id)) {
        this.deps.publisher.toUser(friendId, 'friend_profile_updated', {
          friendId: user.id,
          profile: toUserCard(user),
          updatedFields: {
            displayName: user.displayName,
            profilePicture: user.profilePicture,
            bio: user.bio,
          },
        });
      }
    });
  }

  /** A pending request already joins the two: the sender's own is a duplicate, the other's is accepted. */
  private async answerPending(
    senderId: string,
    pending: FriendRequestRow,
  ): Promise<{ request: TFriendRequest; autoAccepted: boolean }> {
    if (pending.senderId === senderId) throw new AppError('CONFLICT', 'Friend request already sent.');
    try {
      return { request: (await this.accept(senderId, pending.id)).request, autoAccepted: true };
    } catch (error) {
      // The same user accepted that request a moment ago (another click or tab): they are friends.
      const isGone = isAppError(error) && error.code === 'NOT_FOUND';
      if (isGone && (await areFriends(this.db, senderId, pending.senderId))) throw ALREADY_FRIENDS();
      throw error;
    }
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
    if (await areFriends(this.db, sender.id, receiver.id)) throw ALREADY_FRIENDS();
    const pending = await findPendingBetween(this.db, sender.id, receiver.id);
    if (pending) return this.answerPending(sender.id, pending);
    if (receiver.privacy.allowFriendRequests === 'nobody') {
      throw new AppError('REQUESTS_DISABLED', `${receiver.username} isn't accepting friend requests.`);
    }
    if (sender.friendsCount >= this.deps.maxFriends) {
      throw new AppError(
        'FRIEND_LIMIT_REACHED',
        `You have reached the limit of ${this.deps.maxFriends} friends.`,
      );
    }

    // The checks above run unlocked and may be stale by now: an accept, a request from the other side
    // or a block may have committed since. With both users locked (as `accept` and `block` lock them)
    // they are repeated on current data, and whatever commits later finds this request: never a
    // pending request between friends, a blocked pair, or two requests between the same two people.
    const outcome = await this.db.transaction(async (tx) => {
      const locked = await lockUsers(tx, [sender.id, receiver.id]);
      if (await isBlockedEitherWay(tx, sender.id, receiver.id))
        throw new AppError('BLOCKED', "You can't send a friend request to this user.");
      if (await areFriends(tx, sender.id, receiver.id)) throw ALREADY_FRIENDS();
      const existing = await findPendingBetween(tx, sender.id, receiver.id);
      if (existing) return { isCreated: false as const, existing };
      const [row] = await tx
        .insert(friendRequests)
        .values({ id: newId(), senderId: sender.id, receiverId: receiver.id, message: message || null })
        .returning();
      const from = locked.get(sender.id);
      const to = locked.get(receiver.id);
      if (!row || !from || !to) throw NOT_FOUND();
      return { isCreated: true as const, row, from, to };
    });
    if (!outcome.isCreated) return this.answerPending(sender.id, outcome.existing);

    const { row, from, to } = outcome;
    const request: TFriendRequest = {
      id: row.id,
      status: row.status,
      message: row.message,
      sentAt: row.sentAt.toISOString(),
      from: toUserCard(from),
      to: toUserCard(to),
    };
    await this.afterCommit(
      'friend request delivery',
      () =>
        this.deps.publisher.toUser(to.id, 'friend_request_received', {
          requestId: row.id,
          from: { ...toUserCard(from), bio: from.bio, interests: from.interests },
          message: request.message,
          sentAt: request.sentAt,
        }),
      async () => {
        await this.deps.notifications.notify({
          userId: to.id,
          type: 'friend_request',
          title: 'New friend request',
          content: `${from.displayName || from.username} wants to be your friend.`,
          relatedUserId: from.id,
          relatedId: row.id,
          actionUrl: '/friends/requests',
          priority: 'high',
        });
        // A block, accept or reject that closed the request before the notification existed withdrew
        // nothing; withdraw it now, so a closed request never leaves its notification behind.
        const [current] = await this.db
          .select({ status: friendRequests.status })
          .from(friendRequests)
          .where(eq(friendRequests.id, row.id));
        if (current?.status !== 'pending') await this.deps.notifications.withdraw(to.id, row.id);
      },
    );
    return { request, autoAccepted: false };
  }

  async accept(userId: string, requestId: string): Promise<{ request: TFriendRequest; friend: TFriend }> {
    // The answer is read inside the transaction, so nothing after the commit can fail the request.
    const { row, accepter, view, friend } = await this.db.transaction(async (tx) => {
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
      const view = await getRequestView(tx, row.id);
      const [friend] = await listFriends(tx, userId, { sort: 'recently_added', friendId: row.senderId });
      const accepter = locked.get(userId);
      if (!view || !friend || !accepter) throw NOT_FOUND();
      return { row, accepter, view, friend };
    });

    await this.afterCommit(
      'friend accept delivery',
      () =>
        this.deps.publisher.toUser(row.senderId, 'friend_request_accepted', {
          requestId: row.id,
          by: toUserCard(accepter),
          acceptedAt: new Date().toISOString(),
        }),
      () => this.deps.notifications.withdraw(userId, row.id),
      () =>
        this.deps.notifications.notify({
          userId: row.senderId,
          type: 'friend_accepted',
          title: 'Friend request accepted',
          content: `${accepter.displayName || accepter.username} accepted your friend request.`,
          relatedUserId: userId,
          relatedId: row.id,
          actionUrl: `/profile/${accepter.username}`,
        }),
    );
    return { request: view, friend };
  }

  private async close(userId: string, requestId: string, as: 'receiver' | 'sender'): Promise<TFriendRequest> {
    const status = as === 'receiver' ? 'rejected' : 'cancelled';
    const { row, view } = await this.db.transaction(async (tx) => {
      const locked = await lockRequest(tx, requestId);
      const owner = as === 'receiver' ? locked?.receiverId : locked?.senderId;
      if (!locked || owner !== userId || locked.status !== 'pending') throw NOT_FOUND();
      await tx
        .update(friendRequests)
        .set({ status, respondedAt: new Date() })
        .where(eq(friendRequests.id, requestId));
      const view = await getRequestView(tx, requestId);
      if (!view) throw NOT_FOUND();
      return { row: locked, view };
    });
    const actor = as === 'receiver' ? view.to : view.from;
    const by = { userId: actor.userId, username: actor.username };
    if (as === 'receiver') {
      await this.afterCommit(
        'friend reject delivery',
        () =>
          this.deps.publisher.toUser(row.senderId, 'friend_request_rejected', {
            requestId,
            by,
            rejectedAt: new Date().toISOString(),
          }),
        () => this.deps.notifications.withdraw(userId, requestId),
      );
    } else {
      await this.afterCommit(
        'friend cancel delivery',
        () => this.deps.publisher.toUser(row.receiverId, 'friend_request_cancelled', { requestId, by }),
        () => this.deps.notifications.withdraw(row.receiverId, requestId),
      );
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
    const { removed, actor } = await this.db.transaction(async (tx) => {
      const locked = await lockUsers(tx, [userId, friendId]);
      return { removed: await deleteFriendshipPair(tx, userId, friendId), actor: locked.get(userId) };
    });
    if (!removed) throw new AppError('NOT_FOUND', 'You are not friends with this user.');
    await this.afterCommit('unfriend delivery', () =>
      this.deps.publisher.toUser(friendId, 'unfriended', {
        by: { userId, username: actor?.username ?? '' },
        timestamp: new Date().toISOString(),
      }),
    );
  }

  /** Blocking ends the friendship and every pending request between the two, in either direction. */
  async block(userId: string, targetId: string): Promise<void> {
    if (userId === targetId) throw new AppError('VALIDATION_ERROR', "You can't block yourself.");
    const target = await this.deps.findUser({ id: targetId });
    if (!target) throw new AppError('NOT_FOUND', 'User not found');
    const { closed, actor } = await this.db.transaction(async (tx) => {
      const locked = await lockUsers(tx, [userId, targetId]);
      await tx.insert(blocks).values({ blockerId: userId, blockedId: targetId }).onConflictDoNothing();
      await deleteFriendshipPair(tx, userId, targetId);
      return { closed: await closePendingBetween(tx, userId, targetId), actor: locked.get(userId) };
    });
    await this.afterCommit(
      'block delivery',
      ...closed.map((request) => () => this.deps.notifications.withdraw(request.receiverId, request.id)),
      () =>
        this.deps.publisher.toUser(targetId, 'blocked_by_user', {
          by: { userId, username: actor?.username ?? '' },
        }),
    );
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
