import type { TConversation, TConversationsQuery, TDmUnreadResponse } from '@guftagu/contracts';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { toUserCard } from '../social/index.js';
import { findUserById } from '../users/index.js';
import { LIST_PAGE, listConversations } from './conversations.repo.js';
import type { MessagingContext } from './messaging.context.js';
import { orderedPair, setArchived, unreadBySender } from './messaging.repo.js';
import { dmConversations } from './messaging.schema.js';

const NO_REQUEST = () => new AppError('NOT_FOUND', 'No pending message request from this user.');

/** The conversation list, archive, message requests and unread counts. */
export class ConversationsService {
  constructor(private readonly context: MessagingContext) {}

  private get db() {
    return this.context.db;
  }

  /** One page of the list, newest first; `nextCursor` is set when there may be more. */
  async list(
    userId: string,
    query: TConversationsQuery,
    pageSize = LIST_PAGE,
  ): Promise<{ conversations: TConversation[]; nextCursor: string | null }> {
    const rows = await listConversations(this.db, userId, { ...query, limit: pageSize + 1 });
    const conversations = rows.slice(0, pageSize);
    const last = conversations[conversations.length - 1];
    return { conversations, nextCursor: rows.length > pageSize && last ? last.id : null };
  }

  async getWith(userId: string, otherUserId: string): Promise<TConversation> {
    const [conversation] = await listConversations(this.db, userId, { otherUserId });
    if (!conversation) throw new AppError('NOT_FOUND', 'No conversation with this user.');
    return conversation;
  }

  async unread(userId: string): Promise<Omit<TDmUnreadResponse, 'success'>> {
    const counts = await unreadBySender(this.db, userId);
    let total = 0;
    const byUser: Record<string, number> = {};
    for (const [senderId, count] of counts) {
      total += count;
      byUser[senderId] = count;
    }
    return { total, byUser };
  }

  async unreadTotal(userId: string): Promise<number> {
    return (await this.unread(userId)).total;
  }

  async setArchived(userId: string, otherUserId: string, archived: boolean): Promise<TConversation> {
    const updated = await setArchived(this.db, userId, otherUserId, archived);
    if (updated.length === 0) throw new AppError('NOT_FOUND', 'No conversation with this user.');
    const conversation = await this.getWith(userId, otherUserId);
    // The user's other tabs move the conversation between the inbox and archived views.
    await this.context.afterCommit('archive fan-out', () =>
      this.context.publisher.toUser(userId, 'dm_conversation_updated', { conversation }),
    );
    return conversation;
  }

  /** Seed 004 chat requests: only the person asked can answer, and only while the request is pending. */
  async answerRequest(userId: string, requesterId: string, accept: boolean): Promise<TConversation> {
    const [low, high] = orderedPair(userId, requesterId);
    const answered = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(dmConversations)
        .where(and(eq(dmConversations.userLowId, low), eq(dmConversations.userHighId, high)))
        .for('update');
      const isPendingFromRequester = row?.requestState === 'pending' && row.requestedBy === requesterId;
      if (!row || !isPendingFromRequester) throw NO_REQUEST();
      await tx
        .update(dmConversations)
        .set({ requestState: accept ? 'accepted' : 'rejected' })
        .where(eq(dmConversations.id, row.id));
      return row;
    });
    const me = await findUserById(this.db, userId);
    const conversation = await this.getWith(userId, requesterId);
    const at = new Date().toISOString();
    await this.context.afterCommit(
      'message request answer',
      () =>
        me &&
        (accept
          ? this.context.publisher.toUser(requesterId, 'dm_request_accepted', {
              conversationId: answered.id,
              by: toUserCard(me),
              acceptedAt: at,
            })
          : this.context.publisher.toUser(requesterId, 'dm_request_rejected', {
              conversationId: answered.id,
              by: { userId: me.id, username: me.username ?? '' },
              rejectedAt: at,
            })),
      () => this.context.publisher.toUser(userId, 'dm_conversation_updated', { conversation }),
      () => accept && this.context.tellReadOnAccept(answered.id, requesterId, userId),
      // A rejected request's messages stop counting as unread.
      () => !accept && this.context.pushUnread(userId, [requesterId]),
    );
    return conversation;
  }
}
