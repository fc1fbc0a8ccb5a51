import type { TChannelMessage } from '@guftagu/contracts';
import { CHANNEL_PINS_MAX } from '@guftagu/contracts';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { type ChannelAccess, has, MESSAGE_NOT_FOUND } from './access.js';
import type { ChannelMessagesContext } from './channel-messages.context.js';
import { type Executor, findMessage } from './channel-messages.repo.js';
import {
  type ChannelMessageRow,
  channelMentions,
  channelMessages,
  channelReactions,
} from './channel-messages.schema.js';

/** The same object for everyone in the room: nothing about the pinner (nonce, mine, blocks). */
function forRoom({ authorBlocked: _authorBlocked, ...message }: TChannelMessage): TChannelMessage {
  return {
    ...message,
    nonce: null,
    reactions: message.reactions.map((reaction) => ({ ...reaction, mine: false })),
  };
}

/** One user may put at most this many different emojis on one message. */
export const REACTIONS_PER_USER_MAX = 20;

interface Located {
  row: ChannelMessageRow;
  access: ChannelAccess;
}

/**
 * Changes to existing messages: edit (author only), delete (author or MANAGE_MESSAGES), reactions
 * (ADD_REACTIONS to add) and pins (MANAGE_MESSAGES). Each one first checks that the caller may read
 * the channel (otherwise NOT_FOUND, never a hint that the message exists), changes the row under a
 * lock, and tells the channel's room after the commit.
 */
export class ActionsService {
  constructor(private readonly context: ChannelMessagesContext) {}

  private get db() {
    return this.context.db;
  }

  /** The live message and the caller's access to its channel; `channelId` must match when given. */
  private async locate(userId: string, messageId: string, channelId?: string): Promise<Located> {
    const row = await findMessage(this.db, messageId);
    if (!row || row.deletedAt || (channelId !== undefined && row.channelId !== channelId))
      throw MESSAGE_NOT_FOUND();
    const access = await this.context.guard.readable(userId, row.channelId).catch((error: unknown) => {
      // A channel the caller cannot read hides its messages entirely.
      if (error instanceof AppError && error.code === 'FORBIDDEN') throw MESSAGE_NOT_FOUND();
      throw error;
    });
    return { row, access };
  }

  private async lockLive(tx: Executor, messageId: string): Promise<ChannelMessageRow> {
    const row = await findMessage(tx, messageId, true);
    if (!row || row.deletedAt) throw MESSAGE_NOT_FOUND();
    return row;
  }

  async edit(
    userId: string,
    messageId: string,
    content: string,
    channelId?: string,
  ): Promise<TChannelMessage> {
    const { row: found } = await this.locate(userId, messageId, channelId);
    if (found.authorId !== userId) throw new AppError('FORBIDDEN', 'You can only edit your own messages.');
    const row = await this.db.transaction(async (tx) => {
      await this.lockLive(tx, messageId);
      const [updated] = await tx
        .update(channelMessages)
        .set({ content, editedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(channelMessages.id, messageId))
        .returning();
      if (!updated) throw MESSAGE_NOT_FOUND();
      return updated;
    });
    const message = await this.context.toDto(userId, row);
    await this.context.afterCommit('channel edit delivery', () =>
      this.context.toChannel(row.channelId, 'message_edited', {
        messageId,
        newContent: message.content,
        editedAt: message.editedAt ?? new Date().toISOString(),
        channelId: row.channelId,
      }),
    );
    return message;
  }

  async delete(userId: string, messageId: string, channelId?: string): Promise<void> {
    const { row: found, access } = await this.locate(userId, messageId, channelId);
    if (found.authorId !== userId && !has(access, 'MANAGE_MESSAGES'))
      throw new AppError('FORBIDDEN', 'You can only delete your own messages here.', {
        requiredRole: 'MANAGE_MESSAGES',
        requiredPermission: 'MANAGE_MESSAGES',
      });
    const outcome = await this.db.transaction(async (tx) => {
      const current = await findMessage(tx, messageId, true);
      if (!current) throw MESSAGE_NOT_FOUND();
      // A second delete (two tabs, a moderator and the author at once) is a quiet success.
      if (current.deletedAt) return { row: current, changed: false, mentioned: [] as string[] };
      // The text is wiped, not just hidden: a deleted message must not survive in storage.
      const [updated] = await tx
        .update(channelMessages)
        .set({
          content: '',
          fileUrl: null,
          pinnedAt: null,
          pinnedBy: null,
          deletedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(channelMessages.id, messageId))
        .returning();
      await tx.delete(channelReactions).where(eq(channelReactions.messageId, messageId));
      const mentioned = await tx
        .delete(channelMentions)
        .where(eq(channelMentions.messageId, messageId))
        .returning({ userId: channelMentions.userId });
      return { row: updated ?? current, changed: true, mentioned: mentioned.map((entry) => entry.userId) };
    });
    if (!outcome.changed) return;
    const { row } = outcome;
    await this.context.afterCommit(
      'channel delete delivery',
      () =>
        this.context.toChannel(row.channelId, 'message_deleted', {
          messageId,
          channelId: row.channelId,
          deletedBy: userId,
        }),
      // The mention notifications quoted the text, which must not be shown any more.
      ...outcome.mentioned.map(
        (mentionedId) => () => this.context.deps.notifications.withdraw(mentionedId, messageId),
      ),
      // Its files go with it: their URLs must stop working too.
      () => this.context.deps.attachments.purgeForMessages([messageId]),
    );
  }

  async react(
    userId: string,
    messageId: string,
    emoji: string,
    add: boolean,
    channelId?: string,
  ): Promise<TChannelMessage> {
    const { access } = await this.locate(userId, messageId, channelId);
    if (add) this.context.guard.require(access, 'ADD_REACTIONS', "You can't add reactions in this channel.");
    const outcome = await this.db.transaction(async (tx) => {
      await this.lockLive(tx, messageId);
      let changed: boolean;
      if (add) {
        const [mine] = await tx
          .select({ total: count() })
          .from(channelReactions)
          .where(and(eq(channelReactions.messageId, messageId), eq(channelReactions.userId, userId)));
        const inserted = await tx
          .insert(channelReactions)
          .values({ messageId, userId, emoji })
          .onConflictDoNothing()
          .returning();
        changed = inserted.length > 0;
        if (changed && (mine?.total ?? 0) >= REACTIONS_PER_USER_MAX)
          throw new AppError('CONFLICT', `At most ${REACTIONS_PER_USER_MAX} reactions per message.`);
      } else {
        const removed = await tx
          .delete(channelReactions)
          .where(
            and(
              eq(channelReactions.messageId, messageId),
              eq(channelReactions.userId, userId),
              eq(channelReactions.emoji, emoji),
            ),
          )
          .returning();
        changed = removed.length > 0;
      }
      const [updated] = changed
        ? await tx
            .update(channelMessages)
            .set({ updatedAt: sql`now()` })
            .where(eq(channelMessages.id, messageId))
            .returning()
        : await tx.select().from(channelMessages).where(eq(channelMessages.id, messageId));
      const [emojiCount] = await tx
        .select({ total: count() })
        .from(channelReactions)
        .where(and(eq(channelReactions.messageId, messageId), eq(channelReactions.emoji, emoji)));
      if (!updated) throw MESSAGE_NOT_FOUND();
      return { row: updated, changed, count: emojiCount?.total ?? 0 };
    });
    const { row } = outcome;
    // Adding a reaction you already have is a no-op: no event, the same answer.
    if (outcome.changed)
      await this.context.afterCommit('channel reaction delivery', () =>
        this.context.toChannel(row.channelId, add ? 'reaction_added' : 'reaction_removed', {
          messageId,
          channelId: row.channelId,
          emoji,
          userId,
          count: outcome.count,
        }),
      );
    return this.context.toDto(userId, row);
  }

  async setPinned(
    userId: string,
    messageId: string,
    pinned: boolean,
    channelId?: string,
  ): Promise<TChannelMessage> {
    const { access } = await this.locate(userId, messageId, channelId);
    this.context.guard.require(access, 'MANAGE_MESSAGES', 'Pinning needs Manage Messages.');
    const outcome = await this.db.transaction(async (tx) => {
      const current = await this.lockLive(tx, messageId);
      if ((current.pinnedAt !== null) === pinned) return { row: current, changed: false };
      if (pinned) {
        const [pins] = await tx
          .select({ total: count() })
          .from(channelMessages)
          .where(and(eq(channelMessages.channelId, current.channelId), isNotNull(channelMessages.pinnedAt)));
        if ((pins?.total ?? 0) >= CHANNEL_PINS_MAX)
          throw new AppError(
            'CONFLICT',
            `A channel holds at most ${CHANNEL_PINS_MAX} pins. Unpin one first.`,
          );
      }
      const [updated] = await tx
        .update(channelMessages)
        .set({
          pinnedAt: pinned ? sql`now()` : null,
          pinnedBy: pinned ? userId : null,
          updatedAt: sql`now()`,
        })
        .where(eq(channelMessages.id, messageId))
        .returning();
      return { row: updated ?? current, changed: true };
    });
    const message = await this.context.toDto(userId, outcome.row);
    const { row } = outcome;
    if (outcome.changed)
      await this.context.afterCommit('channel pin delivery', () =>
        pinned
          ? this.context.toChannel(row.channelId, 'message_pinned', {
              messageId,
              channelId: row.channelId,
              pinnedBy: userId,
              message: forRoom(message),
            })
          : this.context.toChannel(row.channelId, 'message_unpinned', {
              messageId,
              channelId: row.channelId,
              unpinnedBy: userId,
            }),
      );
    return message;
  }
}
