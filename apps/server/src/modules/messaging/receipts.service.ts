import type { TMarkDmRead } from '@guftagu/contracts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { users, withPrivacyDefaults } from '../users/index.js';
import type { MessagingContext } from './messaging.context.js';
import { countsAsUnread, notHiddenFor } from './messaging.repo.js';
import { dmConversations, dmMessages } from './messaging.schema.js';

/** How many waiting messages one connect pushes; the client's `dm_sync` fetches any beyond. */
const PENDING_PUSH_MAX = 500;

type Changed = { id: string; senderId: string; conversationId: string; at: Date };

function groupBySenderConversation<T extends Changed>(rows: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = `${row.senderId}:${row.conversationId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => group.sort((a, b) => (a.id < b.id ? -1 : 1)));
}

/**
 * Delivery and read state (seed 000 receipts, seed 003 delivery status). Only the recipient moves
 * them, only forward (sent → delivered → read), and each change is told to the sender once: the
 * UPDATE's WHERE clause picks rows still in the earlier state, so two tabs marking the same messages
 * produce one event.
 */
export class ReceiptsService {
  constructor(private readonly context: MessagingContext) {}

  private get db() {
    return this.context.db;
  }

  async markDelivered(userId: string, messageIds: string[]): Promise<string[]> {
    return (await this.markDeliveredRows(userId, messageIds)).map((row) => row.id);
  }

  /** Marks the caller's own undelivered messages delivered; returns those that changed, with the time. */
  async markDeliveredRows(userId: string, messageIds: string[]): Promise<Changed[]> {
    if (messageIds.length === 0) return [];
    const rows = await this.db
      .update(dmMessages)
      .set({ deliveredAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        this.inLockOrder(
          and(
            inArray(dmMessages.id, messageIds),
            eq(dmMessages.recipientId, userId),
            isNull(dmMessages.deliveredAt),
          ),
        ),
      )
      .returning({
        id: dmMessages.id,
        senderId: dmMessages.senderId,
        conversationId: dmMessages.conversationId,
        at: dmMessages.deliveredAt,
      });
    const changed = rows.flatMap((row) => (row.at ? [{ ...row, at: row.at }] : []));
    await this.context.afterCommit('delivered receipts', () => this.tellDelivered(userId, changed));
    return changed;
  }

  /**
   * Restricts an UPDATE to rows locked in id order first. Two tabs (or a sync and a connect push)
   * marking overlapping messages would otherwise lock rows in whatever order their plans scan them,
   * and could deadlock.
   */
  private inLockOrder(filter: ReturnType<typeof and>) {
    const locked = this.db
      .select({ id: dmMessages.id })
      .from(dmMessages)
      .where(filter)
      .orderBy(asc(dmMessages.id))
      .for('update');
    return and(filter, inArray(dmMessages.id, locked));
  }

  /** Every message still waiting for `userId` (a client of theirs is catching up). */
  async markAllDelivered(userId: string): Promise<number> {
    const rows = await this.db
      .update(dmMessages)
      .set({ deliveredAt: sql`now()`, updatedAt: sql`now()` })
      .where(this.inLockOrder(and(eq(dmMessages.recipientId, userId), isNull(dmMessages.deliveredAt))))
      .returning({
        id: dmMessages.id,
        senderId: dmMessages.senderId,
        conversationId: dmMessages.conversationId,
        at: dmMessages.deliveredAt,
      });
    const changed = rows.flatMap((row) => (row.at ? [{ ...row, at: row.at }] : []));
    await this.context.afterCommit('delivered receipts', () => this.tellDelivered(userId, changed));
    return changed.length;
  }

  private tellDelivered(recipientId: string, rows: Changed[]): void {
    for (const group of groupBySenderConversation(rows)) {
      const last = group[group.length - 1];
      if (!last) continue;
      this.context.publisher.toUser(last.senderId, 'dm_delivered', {
        messageId: last.id,
        messageIds: group.map((row) => row.id),
        conversationId: last.conversationId,
        deliveredAt: last.at.toISOString(),
        toUserId: recipientId,
      });
    }
  }

  /**
   * Seed 000 `dm_mark_read` / `PUT /api/messages/read`: the named messages, or all from one sender.
   * Only messages that count as unread are marked (the same rule as the badges: not deleted, not
   * hidden for the reader, not of a request the reader rejected). That rule also matches the partial
   * `dm_messages_unread_idx`, so marking a chat read is an index lookup, not a table scan.
   */
  async markRead(userId: string, input: TMarkDmRead): Promise<{ messageIds: string[]; readAt: string }> {
    const filter = and(
      countsAsUnread(userId),
      input.messageIds ? inArray(dmMessages.id, input.messageIds) : undefined,
      input.fromUserId ? eq(dmMessages.senderId, input.fromUserId) : undefined,
    );
    return this.readWhere(userId, filter);
  }

  /** "Mark all as read" on /messages. */
  markAllRead(userId: string): Promise<{ messageIds: string[]; readAt: string }> {
    return this.readWhere(userId, countsAsUnread(userId));
  }

  private async readWhere(userId: string, filter: ReturnType<typeof and>) {
    // Reading implies delivery: a message read before its delivered mark arrived is delivered too.
    const rows = await this.db
      .update(dmMessages)
      .set({
        readAt: sql`now()`,
        deliveredAt: sql`coalesce(${dmMessages.deliveredAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(this.inLockOrder(filter))
      .returning({
        id: dmMessages.id,
        senderId: dmMessages.senderId,
        conversationId: dmMessages.conversationId,
        readAt: dmMessages.readAt,
        deliveredAt: dmMessages.deliveredAt,
      });
    const readAt = rows[0]?.readAt?.toISOString() ?? new Date().toISOString();
    if (rows.length === 0) return { messageIds: [], readAt };
    const [reader] = await this.db.select({ privacy: users.privacy }).from(users).where(eq(users.id, userId));
    const sendsReceipts = reader ? withPrivacyDefaults(reader.privacy).sendReadReceipts : true;
    // Reading a message request must not tell the asker it was seen until it is accepted.
    const pending = await this.db
      .select({ id: dmConversations.id, requestedBy: dmConversations.requestedBy })
      .from(dmConversations)
      .where(
        and(
          inArray(dmConversations.id, [...new Set(rows.map((row) => row.conversationId))]),
          eq(dmConversations.requestState, 'pending'),
        ),
      );
    const requestOf = new Map(pending.map((row) => [row.id, row.requestedBy]));
    const changed = rows.map((row) => ({ ...row, at: row.readAt ?? new Date() }));
    await this.context.afterCommit(
      'read receipts',
      () => {
        for (const group of groupBySenderConversation(changed)) {
          const first = group[0];
          if (!first) continue;
          const receipt = {
            messageIds: group.map((row) => row.id),
            conversationId: first.conversationId,
            readAt: first.at.toISOString(),
            readBy: userId,
          };
          // The reader's other tabs learn what was read here, whatever the privacy setting.
          this.context.publisher.toUser(userId, 'dm_read', receipt);
          if (sendsReceipts && requestOf.get(first.conversationId) !== first.senderId) {
            this.context.publisher.toUser(first.senderId, 'dm_read', receipt);
            continue;
          }
          // With receipts off the sender still learns "delivered" (once: only rows this read delivered).
          const newlyDelivered = group.filter((row) => row.deliveredAt?.getTime() === row.readAt?.getTime());
          if (newlyDelivered.length > 0) this.tellDelivered(userId, newlyDelivered);
        }
      },
      // The reader's own tabs update their badges from this.
      () => this.context.pushUnread(userId, [...new Set(rows.map((row) => row.senderId))]),
    );
    return { messageIds: rows.map((row) => row.id), readAt };
  }

  /**
   * Offline delivery (seed 000 "message delivery queue"): when a socket of the recipient connects,
   * every message still waiting is pushed to their tabs and marked delivered, which tells the senders.
   * The messages were stored before anything else, so a server restart in between loses nothing.
   */
  async deliverPending(userId: string): Promise<number> {
    const rows = await this.db
      .select()
      .from(dmMessages)
      .where(and(eq(dmMessages.recipientId, userId), isNull(dmMessages.deliveredAt), notHiddenFor(userId)))
      .orderBy(asc(dmMessages.id))
      .limit(PENDING_PUSH_MAX);
    if (rows.length === 0) return 0;
    const dtos = await this.context.toDtos(userId, rows);
    const senderIds = [...new Set(rows.map((row) => row.senderId))];
    const senders = await this.db.select().from(users).where(inArray(users.id, senderIds));
    const senderById = new Map(senders.map((sender) => [sender.id, sender]));
    for (const dto of dtos) {
      const sender = senderById.get(dto.senderId);
      if (sender)
        this.context.publisher.toUser(userId, 'dm_receive', this.context.receivePayload(dto, sender));
    }
    return (
      await this.markDelivered(
        userId,
        rows.map((row) => row.id),
      )
    ).length;
  }
}
