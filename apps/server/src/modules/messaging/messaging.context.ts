import type { TDirectMessage, TDmReceive } from '@guftagu/contracts';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { runAfterCommit } from '../../platform/after-commit.js';
import type { Database } from '../../platform/db/client.js';
import type { RateLimiter, RateLimitRule } from '../../platform/kv/rate-limit.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimePublisher } from '../../realtime/publisher.js';
import type { NotificationsService } from '../notifications/index.js';
import { toUserCard } from '../social/index.js';
import { type UserRow, users, withPrivacyDefaults } from '../users/index.js';
import { type AttachmentsPort, toDirectMessages } from './messaging.dto.js';
import type { Executor } from './messaging.repo.js';
import { type DmMessageRow, dmMessages } from './messaging.schema.js';
import { unreadCountsBySender } from './send.repo.js';

export interface MessagingDeps {
  db: Database;
  limiter: RateLimiter;
  /** Sends per user per window, across all their tabs and REST. */
  sendRateLimit: RateLimitRule;
  publisher: RealtimePublisher;
  notifications: NotificationsService;
  attachments: AttachmentsPort;
  logger: Logger;
}

/**
 * What the messaging services share: the database, DTO building and the after-commit publishing
 * helpers. Events always go to the two participants' `user:` rooms and nobody else.
 */
export class MessagingContext {
  constructor(readonly deps: MessagingDeps) {}

  get db(): Database {
    return this.deps.db;
  }

  get publisher(): RealtimePublisher {
    return this.deps.publisher;
  }

  toDtos(viewerId: string, rows: DmMessageRow[], db: Executor = this.db): Promise<TDirectMessage[]> {
    return toDirectMessages(db, this.deps.attachments, viewerId, rows);
  }

  async toDto(viewerId: string, row: DmMessageRow, db: Executor = this.db): Promise<TDirectMessage> {
    const [dto] = await this.toDtos(viewerId, [row], db);
    if (!dto) throw new Error('message DTO missing');
    return dto;
  }

  afterCommit(what: string, ...effects: Array<() => unknown>): Promise<void> {
    return runAfterCommit(this.deps.logger, what, ...effects);
  }

  /** `dm_receive` (seed 000 fields plus the full message) for one participant. */
  receivePayload(dto: TDirectMessage, sender: UserRow): TDmReceive {
    return {
      ...dto,
      messageId: dto.id,
      from: toUserCard(sender),
      message: dto.content,
      timestamp: dto.createdAt,
    };
  }

  /**
   * A request was just accepted by `readerId`: the asker now learns which of their messages were
   * already read (held back while the request was open), if the reader sends read receipts.
   */
  async tellReadOnAccept(conversationId: string, askerId: string, readerId: string): Promise<void> {
    const [reader] = await this.db
      .select({ privacy: users.privacy })
      .from(users)
      .where(eq(users.id, readerId));
    if (!reader || !withPrivacyDefaults(reader.privacy).sendReadReceipts) return;
    const read = await this.db
      .select({ id: dmMessages.id, readAt: dmMessages.readAt })
      .from(dmMessages)
      .where(
        and(
          eq(dmMessages.conversationId, conversationId),
          eq(dmMessages.senderId, askerId),
          isNotNull(dmMessages.readAt),
        ),
      )
      .orderBy(asc(dmMessages.id));
    const last = read[read.length - 1];
    if (!last?.readAt) return;
    this.publisher.toUser(askerId, 'dm_read', {
      messageIds: read.map((row) => row.id),
      conversationId,
      readAt: last.readAt.toISOString(),
      readBy: readerId,
    });
  }

  /**
   * Pushes the exact unread total, and the counts of the named other users, to every tab of `userId`.
   */
  async pushUnread(userId: string, otherUserIds: string[]): Promise<void> {
    this.publishUnread(userId, otherUserIds, await unreadCountsBySender(this.db, userId));
  }

  /** `pushUnread` with counts (by sender) the caller already read. */
  publishUnread(userId: string, otherUserIds: string[], counts: Map<string, number>): void {
    let total = 0;
    for (const count of counts.values()) total += count;
    const byUser: Record<string, number> = {};
    for (const otherId of otherUserIds) byUser[otherId] = counts.get(otherId) ?? 0;
    this.publisher.toUser(userId, 'dm_unread_update', { total, byUser });
  }
}
