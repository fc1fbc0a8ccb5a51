import type { TAttachment, TDirectMessage, TDmReaction, TDmStatus } from '@guftagu/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { users, withPrivacyDefaults } from '../users/index.js';
import type { Executor } from './messaging.repo.js';
import { type DmMessageRow, dmConversations, dmMessages, dmReactions } from './messaging.schema.js';

/** What messaging needs from the uploads module (its `UploadsService` satisfies this). */
export interface AttachmentsPort {
  claimForMessage(
    tx: Executor,
    ownerId: string,
    attachmentIds: string[],
    messageId: string,
  ): Promise<TAttachment[]>;
  listForMessages(db: Executor, messageIds: string[]): Promise<Map<string, TAttachment[]>>;
  /** Removes the files of messages deleted for everyone (after the deleting transaction committed). */
  purgeForMessages(messageIds: string[]): Promise<number>;
}

const REPLY_PREVIEW_LENGTH = 200;

type ReactionRow = { messageId: string; userId: string; emoji: string };

export function summarizeReactions(rows: ReactionRow[], viewerId: string): TDmReaction[] {
  const byEmoji = new Map<string, string[]>();
  for (const row of rows) byEmoji.set(row.emoji, [...(byEmoji.get(row.emoji) ?? []), row.userId]);
  return [...byEmoji].map(([emoji, userIds]) => ({
    emoji,
    count: userIds.length,
    mine: userIds.includes(viewerId),
    userIds,
  }));
}

/**
 * The status a viewer may see. A recipient who turned read receipts off is never reported as having
 * read to the sender (delivered at most); the recipient always sees their own truth.
 */
function statusFor(row: DmMessageRow, viewerId: string, recipientSendsReceipts: boolean) {
  const showsRead = row.readAt !== null && (viewerId === row.recipientId || recipientSendsReceipts);
  const status: TDmStatus = showsRead ? 'read' : row.deliveredAt || row.readAt ? 'delivered' : 'sent';
  return {
    status,
    readAt: showsRead ? (row.readAt?.toISOString() ?? null) : null,
    deliveredAt: (row.deliveredAt ?? row.readAt)?.toISOString() ?? null,
  };
}

function replyPreview(
  reply: Pick<DmMessageRow, 'id' | 'senderId' | 'content' | 'messageType' | 'deletedAt'>,
) {
  return {
    id: reply.id,
    senderId: reply.senderId,
    content: reply.deletedAt ? '' : reply.content.slice(0, REPLY_PREVIEW_LENGTH),
    messageType: reply.messageType,
    deleted: reply.deletedAt !== null,
  };
}

/**
 * The DTO of a message that was just stored, built without another query (the send hot path): it has
 * no reactions and no receipts yet, and its attachments and quoted message are already in hand.
 */
export function freshDirectMessage(
  viewerId: string,
  row: DmMessageRow,
  attachments: TAttachment[],
  quoted: DmMessageRow | undefined,
): TDirectMessage {
  return {
    id: row.id,
    conversationId: row.conversationId,
    senderId: row.senderId,
    recipientId: row.recipientId,
    content: row.content,
    messageType: row.messageType,
    attachments,
    replyTo: quoted ? replyPreview(quoted) : null,
    reactions: [],
    status: 'sent',
    deliveredAt: null,
    readAt: null,
    editedAt: null,
    deletedForEveryone: false,
    deletedAt: null,
    createdAt: row.createdAt.toISOString(),
    nonce: viewerId === row.senderId ? row.nonce : null,
  };
}

/**
 * Builds the DTOs `viewerId` sees for the given rows, in their order: reactions, attachments, reply
 * previews and receipts are loaded in one query each, however many messages there are.
 */
export async function toDirectMessages(
  db: Executor,
  attachmentsPort: AttachmentsPort,
  viewerId: string,
  rows: DmMessageRow[],
): Promise<TDirectMessage[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const replyIds = [...new Set(rows.flatMap((row) => (row.replyToId ? [row.replyToId] : [])))];
  const recipientIds = [...new Set(rows.map((row) => row.recipientId))];
  const sentIn = [...new Set(rows.flatMap((row) => (row.senderId === viewerId ? [row.conversationId] : [])))];
  const [reactionRows, attachments, replies, recipients, asking] = await Promise.all([
    db
      .select({ messageId: dmReactions.messageId, userId: dmReactions.userId, emoji: dmReactions.emoji })
      .from(dmReactions)
      .where(inArray(dmReactions.messageId, ids))
      .orderBy(asc(dmReactions.createdAt)),
    attachmentsPort.listForMessages(db, ids),
    replyIds.length > 0
      ? db
          .select({
            id: dmMessages.id,
            senderId: dmMessages.senderId,
            content: dmMessages.content,
            messageType: dmMessages.messageType,
            deletedAt: dmMessages.deletedAt,
          })
          .from(dmMessages)
          .where(inArray(dmMessages.id, replyIds))
      : Promise.resolve([]),
    db.select({ id: users.id, privacy: users.privacy }).from(users).where(inArray(users.id, recipientIds)),
    // The viewer's own open requests: the person asked may read them, but the asker is not told.
    sentIn.length > 0
      ? db
          .select({ id: dmConversations.id })
          .from(dmConversations)
          .where(
            and(
              inArray(dmConversations.id, sentIn),
              eq(dmConversations.requestState, 'pending'),
              eq(dmConversations.requestedBy, viewerId),
            ),
          )
      : Promise.resolve([]),
  ]);
  const pendingAsker = new Set(asking.map((row) => row.id));
  const reactionsByMessage = new Map<string, ReactionRow[]>();
  for (const row of reactionRows)
    reactionsByMessage.set(row.messageId, [...(reactionsByMessage.get(row.messageId) ?? []), row]);
  const replyById = new Map(replies.map((reply) => [reply.id, reply]));
  const receiptsOn = new Map(
    recipients.map((user) => [user.id, withPrivacyDefaults(user.privacy).sendReadReceipts]),
  );

  return rows.map((row) => {
    const isDeleted = row.deletedAt !== null;
    const reply = row.replyToId ? replyById.get(row.replyToId) : undefined;
    return {
      id: row.id,
      conversationId: row.conversationId,
      senderId: row.senderId,
      recipientId: row.recipientId,
      content: isDeleted ? '' : row.content,
      messageType: row.messageType,
      attachments: isDeleted ? [] : (attachments.get(row.id) ?? []),
      replyTo: !isDeleted && reply ? replyPreview(reply) : null,
      reactions: isDeleted ? [] : summarizeReactions(reactionsByMessage.get(row.id) ?? [], viewerId),
      ...statusFor(
        row,
        viewerId,
        (receiptsOn.get(row.recipientId) ?? true) && !pendingAsker.has(row.conversationId),
      ),
      editedAt: isDeleted ? null : (row.editedAt?.toISOString() ?? null),
      deletedForEveryone: isDeleted,
      deletedAt: row.deletedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      nonce: viewerId === row.senderId ? row.nonce : null,
    };
  });
}
