import type { TAttachment, TChannelMessage, TSendChannelMessage } from '@guftagu/contracts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { users } from '../users/index.js';
import { type ChannelAccess, has } from './access.js';
import type { ChannelMessagesContext } from './channel-messages.context.js';
import { buildMessage } from './channel-messages.dto.js';
import {
  type Executor,
  findByNonce,
  findMessage,
  lockAuthorInChannel,
  slowModeWait,
} from './channel-messages.repo.js';
import { type ChannelMessageRow, channelMentions, channelMessages } from './channel-messages.schema.js';
import { parseMentions } from './mentions.js';

export type SendInput = TSendChannelMessage & { channelId: string };
export type SendResult = {
  message: TChannelMessage;
  duplicate: boolean;
};

interface Stored {
  row: ChannelMessageRow;
  attachments: TAttachment[];
  quoted: ChannelMessageRow | undefined;
}

/** The author already stored a message with this nonce: roll back and answer with that one. */
class NonceTaken extends Error {}

const PREVIEW_LENGTH = 100;

/**
 * Sending: checked against the caller's resolved permissions, stored, then fanned out to the
 * channel's room and only then the mentioned members are notified. A nonce makes a retried send
 * idempotent (the same message back, `duplicate: true`); reusing it for another message is refused.
 */
export class SendService {
  constructor(private readonly context: ChannelMessagesContext) {}

  private get db() {
    return this.context.db;
  }

  async send(authorId: string, input: SendInput): Promise<SendResult> {
    let stored: Stored;
    let mentioned: string[] = [];
    let author: Awaited<ReturnType<SendService['author']>>;
    try {
      const { limiter, sendRateLimit } = this.context.deps;
      // Independent reads at once: the send path's latency is the fan-out's floor.
      const [access, limit, row] = await Promise.all([
        this.context.guard.writable(authorId, input.channelId),
        limiter.hit(`channel-send:${authorId}`, sendRateLimit),
        this.author(authorId),
      ]);
      author = row;
      if ((input.attachmentIds?.length ?? 0) > 0 || input.fileUrl !== undefined)
        this.context.guard.require(access, 'ATTACH_FILES', "You can't attach files in this channel.");
      if (!limit.allowed)
        throw new AppError('RATE_LIMITED', 'You are sending messages too fast. Wait a moment.', {
          retryAfter: limit.retryAfter,
        });
      const parsed = parseMentions(input.content ?? '');
      const everyone = parsed.everyone && has(access, 'MENTION_EVERYONE');
      mentioned = await this.mentionTargets(authorId, access, parsed);
      const mentions = { ...parsed, everyone };
      // A plain message is one INSERT, atomic on its own; a transaction is only needed when the
      // send writes more than that row (attachments, mentions) or must hold the slow-mode lock.
      const needsTransaction =
        (input.attachmentIds?.length ?? 0) > 0 || mentioned.length > 0 || this.slowModeApplies(access);
      stored = needsTransaction
        ? await this.db.transaction((tx) => this.store(tx, authorId, access, input, mentions, mentioned))
        : await this.store(this.db, authorId, access, input, mentions, mentioned);
    } catch (error) {
      // A retry of a send that already went through returns the original, whatever changed since
      // (slow mode, the rate limit, a permission). Looked up only when this send did not store.
      if (!(error instanceof AppError || error instanceof NonceTaken) || !input.nonce) throw error;
      const earlier = await this.replayed(authorId, input);
      if (earlier) return earlier;
      if (error instanceof NonceTaken)
        throw new AppError('CONFLICT', 'Message could not be stored. Please retry.');
      throw error;
    }
    const message = buildMessage(stored.row, {
      author,
      attachments: stored.attachments,
      quoted: stored.quoted,
      reactions: [],
      viewerId: authorId,
    });
    const broadcast = { ...message, nonce: null };
    await this.context.afterCommit(
      'channel message fan-out',
      () => this.context.toChannel(stored.row.channelId, 'new_message', broadcast),
      ...mentioned.map(
        (userId) => () => this.notifyMention(userId, stored.row, author?.username ?? 'Someone'),
      ),
    );
    return { message, duplicate: false };
  }

  private slowModeApplies(access: ChannelAccess): boolean {
    return access.slowModeSeconds > 0 && !has(access, 'MANAGE_MESSAGES') && !has(access, 'MANAGE_CHANNELS');
  }

  private async author(authorId: string) {
    const [row] = await this.db
      .select({
        id: users.id,
        username: users.username,
        publicId: users.publicId,
        profilePicture: users.profilePicture,
        displayName: users.displayName,
      })
      .from(users)
      .where(eq(users.id, authorId));
    return row;
  }

  /**
   * Members to notify and count as mentioned: named users and holders of mentioned roles who are
   * members (communities resolves those) and may see this channel; never the author.
   */
  private async mentionTargets(
    authorId: string,
    access: ChannelAccess,
    parsed: { userIds: string[]; roleIds: string[] },
  ): Promise<string[]> {
    if (parsed.userIds.length === 0 && parsed.roleIds.length === 0) return [];
    const { communities } = this.context.deps;
    const resolved = await communities.resolveMentionTargets(access.serverId, parsed);
    const candidates = [...new Set(resolved.userIds)].filter((id) => id !== authorId).slice(0, 250);
    const visible = await Promise.all(
      candidates.map(async (userId) => {
        const theirs = await communities.channelAccess(userId, access.channelId);
        return theirs && has(theirs, 'VIEW_CHANNEL') ? userId : null;
      }),
    );
    return visible.filter((id): id is string => id !== null);
  }

  private async store(
    tx: Executor,
    authorId: string,
    access: ChannelAccess,
    input: SendInput,
    mentions: { userIds: string[]; roleIds: string[]; everyone: boolean },
    mentioned: string[],
  ): Promise<Stored> {
    if (this.slowModeApplies(access)) {
      await lockAuthorInChannel(tx, access.channelId, authorId);
      const wait = await slowModeWait(tx, access.channelId, authorId, access.slowModeSeconds);
      if (wait > 0)
        throw new AppError('RATE_LIMITED', `Slow mode is on. Wait ${wait} s before your next message.`, {
          retryAfter: wait,
          slowModeSeconds: access.slowModeSeconds,
        });
    }
    const quoted = input.replyTo ? await findMessage(tx, input.replyTo) : undefined;
    if (input.replyTo && (!quoted || quoted.channelId !== access.channelId))
      throw new AppError('VALIDATION_ERROR', 'You can only reply to a message of this channel.', {
        field: 'replyTo',
      });
    const id = newId();
    const [row] = await tx
      .insert(channelMessages)
      .values({
        id,
        channelId: access.channelId,
        serverId: access.serverId,
        authorId,
        content: input.content ?? '',
        fileUrl: input.fileUrl ?? null,
        replyToId: input.replyTo ?? null,
        nonce: input.nonce ?? `server-${id}`,
        mentionUserIds: mentions.userIds,
        mentionRoleIds: mentions.roleIds,
        mentionsEveryone: mentions.everyone,
      })
      .onConflictDoNothing({ target: [channelMessages.authorId, channelMessages.nonce] })
      .returning();
    if (!row) throw new NonceTaken();
    const attachments =
      input.attachmentIds && input.attachmentIds.length > 0
        ? await this.context.deps.attachments.claimForMessage(tx, authorId, input.attachmentIds, id)
        : [];
    if (mentioned.length > 0)
      await tx
        .insert(channelMentions)
        .values(mentioned.map((userId) => ({ messageId: id, userId, channelId: access.channelId })));
    return { row, attachments, quoted };
  }

  /**
   * The message this nonce already stored, when the request is the same one retried; a nonce reused
   * for a different message is IDEMPOTENCY_CONFLICT (answering with the first message would tell the
   * client a new message went out when it did not).
   */
  private async replayed(authorId: string, input: SendInput): Promise<SendResult | undefined> {
    if (!input.nonce) return undefined;
    const existing = await findByNonce(this.db, authorId, input.nonce);
    if (!existing) return undefined;
    const message = await this.context.toDto(authorId, existing);
    const differs = differingField(existing, message, input);
    if (differs)
      throw new AppError(
        'IDEMPOTENCY_CONFLICT',
        'This nonce was already used for a different message. Send a new message with a new nonce.',
        { field: differs, nonce: input.nonce, messageId: existing.id },
      );
    return { message, duplicate: true };
  }

  private async notifyMention(userId: string, row: ChannelMessageRow, authorName: string): Promise<void> {
    await this.context.deps.notifications.notify({
      userId,
      type: 'new_message',
      title: `${authorName} mentioned you`,
      content: row.content.slice(0, PREVIEW_LENGTH),
      relatedUserId: row.authorId,
      relatedId: row.id,
      actionUrl: `/servers/${row.serverId}/${row.channelId}?message=${row.id}`,
    });
  }
}

/** The first field in which a retried send differs from what its nonce stored (edits and deletion aside). */
function differingField(
  row: ChannelMessageRow,
  stored: TChannelMessage,
  input: SendInput,
): string | undefined {
  if (row.channelId !== input.channelId) return 'channelId';
  if ((row.replyToId ?? null) !== (input.replyTo ?? null)) return 'replyTo';
  if (row.deletedAt) return undefined;
  if (!row.editedAt && row.content !== (input.content ?? '')) return 'content';
  if ((row.fileUrl ?? null) !== (input.fileUrl ?? null)) return 'fileUrl';
  const storedIds = stored.attachments.map((attachment) => attachment.id).sort();
  const sentIds = [...(input.attachmentIds ?? [])].sort();
  if (storedIds.join() !== sentIds.join()) return 'attachmentIds';
  return undefined;
}
