import type { TAttachment, TDirectMessage, TSendDm } from '@guftagu/contracts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { toUserCard } from '../social/index.js';
import type { UserRow } from '../users/index.js';
import type { LiveState } from './live-state.js';
import type { MessagingContext } from './messaging.context.js';
import { freshDirectMessage } from './messaging.dto.js';
import {
  areFriends,
  blockBetween,
  type Executor,
  findByNonce,
  findMessage,
  lockConversation,
  shareLockUsers,
} from './messaging.repo.js';
import { type DmMessageRow, dmConversations, dmMessages } from './messaging.schema.js';
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

const PREVIEW_LENGTH = 100;

/**
 * Sending: stored first, then delivered. The whole decision (blocks, friendship, privacy, request
 * state) is taken inside the transaction that stores the message, on locked rows, so a block or an
 * unfriend that commits at the same moment is either before the message or after it, never half.
 */
export class SendService {
  constructor(
    private readonly context: MessagingContext,
    private readonly live: LiveState,
  ) {}

  private get db() {
    return this.context.db;
  }

  private async replayed(senderId: string, nonce: string): Promise<SendResult | undefined> {
    const existing = await findByNonce(this.db, senderId, nonce);
    if (!existing) return undefined;
    return { message: await this.context.toDto(senderId, existing), duplicate: true };
  }

  async send(senderId: string, input: TSendDm): Promise<SendResult> {
    if (input.to === senderId)
      throw new AppError('VALIDATION_ERROR', "You can't message yourself.", { field: 'to' });
    // A retry of a send that already went through returns the original, whatever else changed since.
    const earlier = await this.replayed(senderId, input.nonce);
    if (earlier) return earlier;
    const { limiter, sendRateLimit } = this.context.deps;
    const limit = await limiter.hit(`dm-send:${senderId}`, sendRateLimit);
    if (!limit.allowed)
      throw new AppError('RATE_LIMITED', 'You are sending messages too fast. Wait a moment.', {
        retryAfter: limit.retryAfter,
      });
    const stored = await this.db.transaction(async (tx) => this.store(tx, senderId, input));
    if (!stored) {
      // A concurrent request with the same nonce won the insert; it is the answer to this one too.
      const winner = await this.replayed(senderId, input.nonce);
      if (!winner) throw new AppError('CONFLICT', 'Message could not be stored. Please retry.');
      return winner;
    }
    const message = freshDirectMessage(senderId, stored.row, stored.attachments, stored.quoted);
    await this.deliver(stored, message);
    return { message, duplicate: false };
  }

  private async store(tx: Executor, senderId: string, input: TSendDm): Promise<Stored | undefined> {
    const locked = await shareLockUsers(tx, [senderId, input.to]);
    const sender = locked.get(senderId);
    const recipient = locked.get(input.to);
    // Accounts that never chose a username cannot be found, so they cannot be messaged either.
    if (!sender || !recipient || recipient.username === null)
      throw new AppError('NOT_FOUND', 'No user with that ID');
    if (sender.username === null)
      throw new AppError('ONBOARDING_REQUIRED', 'Choose a username before messaging.');
    const [block, isFriend] = await Promise.all([
      blockBetween(tx, senderId, recipient.id),
      areFriends(tx, senderId, recipient.id),
    ]);
    const conversation = await lockConversation(tx, senderId, recipient.id);
    const decision = decideSend(sender, recipient, conversation, { isFriend, block });

    const quoted = input.replyTo ? await findMessage(tx, input.replyTo) : undefined;
    if (input.replyTo) {
      if (!quoted || quoted.conversationId !== conversation.id)
        throw new AppError('VALIDATION_ERROR', 'You can only reply to a message of this conversation.', {
          field: 'replyTo',
        });
    }
    const id = newId();
    const [row] = await tx
      .insert(dmMessages)
      .values({
        id,
        conversationId: conversation.id,
        senderId,
        recipientId: recipient.id,
        content: input.message ?? '',
        replyToId: input.replyTo ?? null,
        nonce: input.nonce,
      })
      .onConflictDoNothing({ target: [dmMessages.senderId, dmMessages.nonce] })
      .returning();
    if (!row) return undefined;

    let stored = row;
    let claimed: TAttachment[] = [];
    if (input.attachmentIds && input.attachmentIds.length > 0) {
      claimed = await this.context.deps.attachments.claimForMessage(tx, senderId, input.attachmentIds, id);
      const messageType = claimed.every((attachment) => attachment.kind === 'image') ? 'image' : 'file';
      const [typed] = await tx
        .update(dmMessages)
        .set({ messageType })
        .where(eq(dmMessages.id, id))
        .returning();
      if (typed) stored = typed;
    }
    await tx
      .update(dmConversations)
      .set({
        lastMessageAt: row.createdAt,
        requestState: decision.requestState,
        requestedBy: decision.requestedBy,
      })
      .where(eq(dmConversations.id, conversation.id));
    return { row: stored, sender, recipient, decision, attachments: claimed, quoted };
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
      () => this.context.pushUnread(recipient.id, [sender.id]),
      async () => {
        if (await this.live.isViewing(recipient.id, sender.id)) return;
        const name = sender.displayName || sender.username || 'Someone';
        const text =
          row.messageType === 'text'
            ? row.content
            : `sent ${row.messageType === 'image' ? 'a photo' : 'a file'}`;
        await this.context.deps.notifications.notify({
          userId: recipient.id,
          type: row.messageType === 'system' ? 'system' : 'new_message',
          title:
            decision.requestState === 'pending' ? `Message request from ${name}` : `New message from ${name}`,
          content: text.slice(0, PREVIEW_LENGTH),
          relatedUserId: sender.id,
          relatedId: row.id,
          actionUrl: `/messages/${sender.id}`,
          priority: 'medium',
        });
      },
    );
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
}
