import type { TAttachment, TDirectMessage, TSendDm } from '@guftagu/contracts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { newGroupedNotification } from '../notifications/index.js';
import { toUserCard } from '../social/index.js';
import type { UserRow } from '../users/index.js';
import type { LiveState } from './live-state.js';
import type { MessagingContext } from './messaging.context.js';
import { freshDirectMessage } from './messaging.dto.js';
import {
  type Executor,
  findByNonce,
  findMessage,
  lockConversation,
  orderedPair,
  shareLockUsers,
} from './messaging.repo.js';
import { type DmMessageRow, dmConversations, dmMessages } from './messaging.schema.js';
import { countUnreadAndNotify, insertCheckedMessage, lockAndForecast } from './send.repo.js';
import { decideSend, type SendDecision } from './send-policy.js';

export type SendResult = {
  message: TDirectMessage;
  duplicate: boolean;
};

interface Stored {
  row: DmMessageRow;
  sender: UserRow;
  recipient: UserRow;
  decision: SendDecision;
  attachments: TAttachment[];
  quoted: DmMessageRow | undefined;
}

/** The sender already stored a message with this nonce: roll back and answer with that one. */
class NonceTaken extends Error {}

/**
 * The first field in which a send differs from the message its nonce stored, or undefined for a true
 * retry. Text is compared only while the message is unedited, and text and attachments only while it
 * is not deleted for everyone: a retry that arrives after either still names the same message.
 */
function differingField(row: DmMessageRow, stored: TDirectMessage, input: TSendDm): string | undefined {
  if (row.recipientId !== input.to) return 'to';
  if ((row.replyToId ?? null) !== (input.replyTo ?? null)) return 'replyTo';
  if (row.deletedAt) return undefined;
  if (!row.editedAt && row.content !== (input.message ?? '')) return 'message';
  const storedIds = stored.attachments.map((attachment) => attachment.id).sort();
  const sentIds = [...(input.attachmentIds ?? [])].sort();
  if (storedIds.join() !== sentIds.join()) return 'attachmentIds';
  return undefined;
}

const PREVIEW_LENGTH = 100;

/**
 * Sending: stored first, then delivered. The whole decision (blocks, friendship, privacy, request
 * state) is taken inside the transaction that stores the message, on locked rows, so a block or an
 * unfriend that commits at the same moment is either before the message or after it, never half.
 *
 * The common case costs four statements in the transaction (BEGIN, lock + forecast, checked insert,
 * COMMIT) and two after it (unread counts, the grouped notification); see send.repo.ts and README.
 */
export class SendService {
  constructor(
    private readonly context: MessagingContext,
    private readonly live: LiveState,
  ) {}

  private get db() {
    return this.context.db;
  }

  /**
   * The message this nonce already stored, when the request is the same one retried. A nonce reused
   * for a different message (recipient, text, reply or attachments) is refused with
   * IDEMPOTENCY_CONFLICT, as idempotency keys are elsewhere: answering with the first message would
   * tell the client its new message was sent when it was not.
   */
  private async replayed(senderId: string, input: TSendDm): Promise<SendResult | undefined> {
    const existing = await findByNonce(this.db, senderId, input.nonce);
    if (!existing) return undefined;
    const message = await this.context.toDto(senderId, existing);
    const differs = differingField(existing, message, input);
    if (differs) {
      throw new AppError(
        'IDEMPOTENCY_CONFLICT',
        'This nonce was already used for a different message. Send a new message with a new nonce.',
        { field: differs, nonce: input.nonce, messageId: existing.id },
      );
    }
    return { message, duplicate: true };
  }

  async send(senderId: string, input: TSendDm): Promise<SendResult> {
    if (input.to === senderId)
      throw new AppError('VALIDATION_ERROR', "You can't message yourself.", { field: 'to' });
    let stored: Stored;
    try {
      const { limiter, sendRateLimit } = this.context.deps;
      const limit = await limiter.hit(`dm-send:${senderId}`, sendRateLimit);
      if (!limit.allowed)
        throw new AppError('RATE_LIMITED', 'You are sending messages too fast. Wait a moment.', {
          retryAfter: limit.retryAfter,
        });
      stored = await this.db.transaction(async (tx) => this.store(tx, senderId, input));
    } catch (error) {
      // A retry of a send that already went through returns the original, whatever changed since
      // (a block, the rate limit, ...). The nonce is looked up only when this send did not store,
      // so the common path pays nothing for it; the insert's ON CONFLICT is what detects a replay,
      // concurrent ones included.
      if (!(error instanceof AppError || error instanceof NonceTaken)) throw error;
      const earlier = await this.replayed(senderId, input);
      if (earlier) return earlier;
      if (error instanceof NonceTaken)
        throw new AppError('CONFLICT', 'Message could not be stored. Please retry.');
      throw error;
    }
    const message = freshDirectMessage(senderId, stored.row, stored.attachments, stored.quoted);
    await this.deliver(stored, message);
    return { message, duplicate: false };
  }

  private async store(tx: Executor, senderId: string, input: TSendDm): Promise<Stored> {
    const forecast = await lockAndForecast(tx, senderId, input.to, orderedPair(senderId, input.to));
    const sender = forecast.users.get(senderId);
    const recipient = forecast.users.get(input.to);
    // Accounts that never chose a username cannot be found, so they cannot be messaged either.
    if (!sender || !recipient || recipient.username === null)
      throw new AppError('NOT_FOUND', 'No user with that ID');
    if (sender.username === null)
      throw new AppError('ONBOARDING_REQUIRED', 'Choose a username before messaging.');
    // The pair's first message creates the conversation (locked); afterwards it already exists.
    let conversation = forecast.conversation ?? (await lockConversation(tx, senderId, recipient.id));
    let relation = forecast.relation;

    const quoted = input.replyTo ? await findMessage(tx, input.replyTo) : undefined;
    if (input.replyTo) {
      if (!quoted || quoted.conversationId !== conversation.id)
        throw new AppError('VALIDATION_ERROR', 'You can only reply to a message of this conversation.', {
          field: 'replyTo',
        });
    }
    const id = newId();
    // The forecast can be stale (see lockAndForecast); the checked insert then writes nothing and
    // returns the state under the locks, which cannot change again, so a second round always holds.
    for (let round = 0; round < 2; round++) {
      const decision = decideSend(sender, recipient, conversation, relation);
      const checked = await insertCheckedMessage(tx, {
        id,
        conversationId: conversation.id,
        senderId,
        recipientId: recipient.id,
        content: input.message ?? '',
        replyToId: input.replyTo ?? null,
        nonce: input.nonce,
        expected: {
          relation,
          requestState: conversation.requestState,
          requestedBy: conversation.requestedBy,
        },
        next: { requestState: decision.requestState, requestedBy: decision.requestedBy },
      });
      if (!checked.matched) {
        relation = checked.relation;
        conversation = {
          ...conversation,
          requestState: checked.requestState,
          requestedBy: checked.requestedBy,
        };
        continue;
      }
      if (!checked.row) throw new NonceTaken();
      let row = checked.row;
      let claimed: TAttachment[] = [];
      if (input.attachmentIds && input.attachmentIds.length > 0) {
        claimed = await this.context.deps.attachments.claimForMessage(tx, senderId, input.attachmentIds, id);
        const messageType = claimed.every((attachment) => attachment.kind === 'image') ? 'image' : 'file';
        const [typed] = await tx
          .update(dmMessages)
          .set({ messageType })
          .where(eq(dmMessages.id, id))
          .returning();
        if (typed) row = typed;
      }
      return { row, sender, recipient, decision, attachments: claimed, quoted };
    }
    throw new Error('send state kept changing under the locks');
  }

  private async deliver({ row, sender, recipient, decision }: Stored, forSender: TDirectMessage) {
    const { publisher } = this.context;
    this.live.clearTyping(sender.id, recipient.id);
    const forRecipient = { ...forSender, nonce: null };
    await this.context.afterCommit(
      'direct message delivery',
      () => publisher.toUser(recipient.id, 'dm_receive', this.context.receivePayload(forRecipient, sender)),
      // The sender's other tabs; the sending tab has the ack and matches this copy by nonce.
      () => publisher.toUser(sender.id, 'dm_receive', this.context.receivePayload(forSender, sender)),
      () =>
        decision.opensRequest &&
        publisher.toUser(recipient.id, 'dm_request_received', {
          conversationId: row.conversationId,
          from: toUserCard(sender),
          message: forRecipient,
        }),
      () =>
        decision.acceptsRequest &&
        publisher.toUser(recipient.id, 'dm_request_accepted', {
          conversationId: row.conversationId,
          by: toUserCard(sender),
          acceptedAt: row.createdAt.toISOString(),
        }),
      // Either side may have been the asker (a friendship settles a request whoever writes next).
      () =>
        decision.acceptsRequest && this.context.tellReadOnAccept(row.conversationId, recipient.id, sender.id),
      () =>
        decision.acceptsRequest && this.context.tellReadOnAccept(row.conversationId, sender.id, recipient.id),
      // The unread counts always; the notification too unless the recipient is looking at the
      // conversation, in the same statement. A failed viewing check skips only the notification.
      async () => {
        const viewing = await this.live.isViewing(recipient.id, sender.id).catch(() => true);
        if (viewing) await this.context.pushUnread(recipient.id, [sender.id]);
        else await this.notifyRecipient(row, sender, recipient, decision);
      },
    );
  }

  /**
   * The recipient's unread counts and `new_message` notification. While they have not read it, one
   * notification per sender is kept up to date (count of unread messages + latest preview) instead
   * of one per message; one statement counts, writes the new one and removes the earlier ones.
   */
  private async notifyRecipient(
    row: DmMessageRow,
    sender: UserRow,
    recipient: UserRow,
    decision: SendDecision,
  ): Promise<void> {
    const name = sender.displayName || sender.username || 'Someone';
    const text =
      row.messageType === 'text' ? row.content : `sent ${row.messageType === 'image' ? 'a photo' : 'a file'}`;
    const isSystem = row.messageType === 'system';
    const one =
      decision.requestState === 'pending' ? `Message request from ${name}` : `New message from ${name}`;
    // A request and a system message keep their title; other messages count the sender's unread.
    const many = isSystem || decision.requestState === 'pending' ? one : `{count} new messages from ${name}`;
    const notification = newGroupedNotification({
      userId: recipient.id,
      type: isSystem ? 'system' : 'new_message',
      titles: { one, many },
      content: text.slice(0, PREVIEW_LENGTH),
      relatedUserId: sender.id,
      relatedId: row.id,
      actionUrl: `/messages/${sender.id}`,
    });
    const { unread, title, createdAt, unreadCount } = await countUnreadAndNotify(this.db, notification);
    this.context.publishUnread(recipient.id, [sender.id], unread);
    this.context.deps.notifications.announceGrouped(notification, {
      title,
      createdAt,
      unreadCount,
      related: {
        username: sender.username,
        publicId: sender.publicId,
        profilePicture: sender.profilePicture,
      },
    });
  }

  /**
   * A message from the "System" account (seed 000 messageType 'system'), for admin use later. Users
   * can never send one: the type is set only here, and nobody can message the System account.
   */
  async sendSystemMessage(systemUser: UserRow, toUserId: string, content: string): Promise<TDirectMessage> {
    const stored = await this.db.transaction(async (tx) => {
      const locked = await shareLockUsers(tx, [toUserId]);
      const recipient = locked.get(toUserId);
      if (!recipient) throw new AppError('NOT_FOUND', 'No user with that ID');
      const conversation = await lockConversation(tx, systemUser.id, toUserId);
      const [row] = await tx
        .insert(dmMessages)
        .values({
          id: newId(),
          conversationId: conversation.id,
          senderId: systemUser.id,
          recipientId: toUserId,
          content: content.slice(0, 2000),
          messageType: 'system',
          nonce: `system-${newId()}`,
        })
        .returning();
      if (!row) throw new Error('system message insert returned nothing');
      await tx
        .update(dmConversations)
        .set({ lastMessageAt: row.createdAt, requestState: 'accepted' })
        .where(eq(dmConversations.id, conversation.id));
      const decision: SendDecision = {
        requestState: 'accepted',
        requestedBy: null,
        opensRequest: false,
        acceptsRequest: false,
      };
      return { row, sender: systemUser, recipient, decision, attachments: [], quoted: undefined };
    });
    const message = freshDirectMessage(systemUser.id, stored.row, [], undefined);
    await this.deliver(stored, message);
    return message;
  }

  /**
   * A call's line in the caller and callee's conversation ("Missed video call", "Voice call · 4:12"),
   * as a system message from the caller. It changes no request state and makes no `new_message`
   * notification: the calls module notifies a missed call itself.
   */
  async sendCallLine(callerId: string, calleeId: string, content: string): Promise<TDirectMessage> {
    const stored = await this.db.transaction(async (tx) => {
      const locked = await shareLockUsers(tx, [callerId, calleeId]);
      const sender = locked.get(callerId);
      const recipient = locked.get(calleeId);
      if (!sender || !recipient) throw new AppError('NOT_FOUND', 'No user with that ID');
      const conversation = await lockConversation(tx, callerId, calleeId);
      const [row] = await tx
        .insert(dmMessages)
        .values({
          id: newId(),
          conversationId: conversation.id,
          senderId: callerId,
          recipientId: calleeId,
          content: content.slice(0, 200),
          messageType: 'system',
          nonce: `call-${newId()}`,
        })
        .returning();
      if (!row) throw new Error('call line insert returned nothing');
      await tx
        .update(dmConversations)
        .set({ lastMessageAt: row.createdAt })
        .where(eq(dmConversations.id, conversation.id));
      return { row, sender, recipient };
    });
    const message = freshDirectMessage(callerId, stored.row, [], undefined);
    const { publisher } = this.context;
    await this.context.afterCommit(
      'call line delivery',
      () =>
        publisher.toUser(
          calleeId,
          'dm_receive',
          this.context.receivePayload({ ...message, nonce: null }, stored.sender),
        ),
      () => publisher.toUser(callerId, 'dm_receive', this.context.receivePayload(message, stored.sender)),
      () => this.context.pushUnread(calleeId, [callerId]),
    );
    return message;
  }
}
