import { DM_EDIT_WINDOW_MS, type TDirectMessage } from '@guftagu/contracts';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { MessagingContext } from './messaging.context.js';
import { summarizeReactions } from './messaging.dto.js';
import { blockBetween, type Executor, findMessage, isHiddenFor } from './messaging.repo.js';
import { type DmMessageRow, dmHidden, dmMessages, dmReactions } from './messaging.schema.js';

/** One user may put at most this many different emojis on one message. */
export const REACTIONS_PER_USER_MAX = 20;

const NOT_FOUND = () => new AppError('NOT_FOUND', 'Message not found');

/**
 * Changes to existing messages: edit, delete (for everyone or for me) and reactions. Each one checks
 * that the caller takes part in the conversation (a stranger gets NOT_FOUND, never a hint that the
 * message exists), changes the row under a lock, and tells both participants after the commit.
 */
export class ActionsService {
  constructor(private readonly context: MessagingContext) {}

  private get db() {
    return this.context.db;
  }

  /** The message, locked, if `userId` takes part in it and has not deleted it for themselves. */
  private async lockVisible(tx: Executor, userId: string, messageId: string): Promise<DmMessageRow> {
    const row = await findMessage(tx, messageId, true);
    if (!row || (row.senderId !== userId && row.recipientId !== userId)) throw NOT_FOUND();
    if (await isHiddenFor(tx, messageId, userId)) throw NOT_FOUND();
    return row;
  }

  async edit(userId: string, messageId: string, content: string): Promise<TDirectMessage> {
    const row = await this.db.transaction(async (tx) => {
      const current = await this.lockVisible(tx, userId, messageId);
      if (current.senderId !== userId)
        throw new AppError('FORBIDDEN', 'You can only edit your own messages.');
      if (current.deletedAt) throw new AppError('CONFLICT', 'This message was deleted.');
      if (current.messageType === 'system')
        throw new AppError('FORBIDDEN', 'System messages cannot be edited.');
      if (Date.now() - current.createdAt.getTime() > DM_EDIT_WINDOW_MS)
        throw new AppError('EDIT_WINDOW_EXPIRED', 'Messages can only be edited within 24 hours.');
      if (await blockBetween(tx, userId, current.recipientId))
        throw new AppError('BLOCKED', "You can't edit messages in this conversation.");
      const [updated] = await tx
        .update(dmMessages)
        .set({ content, editedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(dmMessages.id, messageId))
        .returning();
      return updated ?? current;
    });
    const forSender = await this.context.toDto(userId, row);
    const forRecipient = await this.context.toDto(row.recipientId, row);
    await this.context.afterCommit(
      'edit delivery',
      // The notification quoted the earlier text, which must not be shown any more.
      () => this.context.deps.notifications.withdraw(row.recipientId, messageId),
      ...[[userId, forSender] as const, [row.recipientId, forRecipient] as const].map(
        ([to, message]) =>
          () =>
            this.context.publisher.toUser(to, 'dm_edited', {
              messageId,
              conversationId: row.conversationId,
              content: message.content,
              editedAt: message.editedAt ?? new Date().toISOString(),
              message,
            }),
      ),
    );
    return forSender;
  }

  async delete(userId: string, messageId: string, scope: 'everyone' | 'me'): Promise<void> {
    const outcome = await this.db.transaction(async (tx) => {
      const current = await this.lockVisible(tx, userId, messageId);
      if (scope === 'me') {
        await tx.insert(dmHidden).values({ messageId, userId }).onConflictDoNothing();
        return { row: current, changed: true };
      }
      if (current.senderId !== userId)
        throw new AppError('FORBIDDEN', 'You can only delete your own messages for everyone.');
      if (current.deletedAt) return { row: current, changed: false };
      // The text is wiped, not just hidden: "deleted for everyone" must not survive in storage.
      const [updated] = await tx
        .update(dmMessages)
        .set({ content: '', deletedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(dmMessages.id, messageId))
        .returning();
      await tx.delete(dmReactions).where(eq(dmReactions.messageId, messageId));
      return { row: updated ?? current, changed: true };
    });
    if (!outcome.changed) return;
    const { row } = outcome;
    const payload = {
      messageId,
      conversationId: row.conversationId,
      deletedBy: userId,
      scope,
      timestamp: new Date().toISOString(),
    };
    const recipients = scope === 'me' ? [userId] : [row.senderId, row.recipientId];
    await this.context.afterCommit(
      'delete delivery',
      ...recipients.map((to) => () => this.context.publisher.toUser(to, 'dm_deleted', payload)),
      // An unread message that disappears changes the recipient's counts.
      () =>
        row.readAt === null &&
        (scope === 'everyone' || userId === row.recipientId) &&
        this.context.pushUnread(row.recipientId, [row.senderId]),
      // Nor may its text survive in the recipient's notification.
      () => scope === 'everyone' && this.context.deps.notifications.withdraw(row.recipientId, messageId),
      // "Deleted for everyone" takes the files with it: their URLs must stop working too.
      () => scope === 'everyone' && this.context.deps.attachments.purgeForMessages([messageId]),
    );
  }

  async react(userId: string, messageId: string, emoji: string, add: boolean): Promise<TDirectMessage> {
    const outcome = await this.db.transaction(async (tx) => {
      const current = await this.lockVisible(tx, userId, messageId);
      if (current.deletedAt) throw new AppError('CONFLICT', 'This message was deleted.');
      if (add && (await blockBetween(tx, current.senderId, current.recipientId)))
        throw new AppError('BLOCKED', "You can't react in this conversation.");
      let changed: boolean;
      if (add) {
        const [mine] = await tx
          .select({ total: count() })
          .from(dmReactions)
          .where(and(eq(dmReactions.messageId, messageId), eq(dmReactions.userId, userId)));
        const inserted = await tx
          .insert(dmReactions)
          .values({ messageId, userId, emoji })
          .onConflictDoNothing()
          .returning();
        changed = inserted.length > 0;
        if (changed && (mine?.total ?? 0) >= REACTIONS_PER_USER_MAX)
          throw new AppError('CONFLICT', `At most ${REACTIONS_PER_USER_MAX} reactions per message.`);
      } else {
        const removed = await tx
          .delete(dmReactions)
          .where(
            and(
              eq(dmReactions.messageId, messageId),
              eq(dmReactions.userId, userId),
              eq(dmReactions.emoji, emoji),
            ),
          )
          .returning();
        changed = removed.length > 0;
      }
      if (!changed) return { row: current, changed, reactions: [] };
      const [updated] = await tx
        .update(dmMessages)
        .set({ updatedAt: sql`now()` })
        .where(eq(dmMessages.id, messageId))
        .returning();
      const reactions = await tx
        .select({ messageId: dmReactions.messageId, userId: dmReactions.userId, emoji: dmReactions.emoji })
        .from(dmReactions)
        .where(eq(dmReactions.messageId, messageId))
        .orderBy(asc(dmReactions.createdAt));
      return { row: updated ?? current, changed, reactions };
    });
    const { row } = outcome;
    // Adding a reaction you already have is a no-op: no event, the same answer.
    if (outcome.changed) {
      await this.context.afterCommit(
        'reaction delivery',
        ...[row.senderId, row.recipientId].map(
          (to) => () =>
            this.context.publisher.toUser(to, 'dm_reaction_updated', {
              messageId,
              conversationId: row.conversationId,
              reactions: summarizeReactions(outcome.reactions, to),
              actor: { userId, emoji, action: add ? 'added' : 'removed' },
            }),
        ),
      );
    }
    return this.context.toDto(userId, row);
  }
}
