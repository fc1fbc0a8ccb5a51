import type { TDmSync, TDmSyncResponse, TMessagesQuery, TMessagesResponse } from '@guftagu/contracts';
import { and, asc, desc, eq, gt, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { findUserById } from '../users/index.js';
import { listConversations, otherUserView } from './conversations.repo.js';
import type { MessagingContext } from './messaging.context.js';
import { areFriends, blockBetween, findConversation, notHiddenFor } from './messaging.repo.js';
import { dmHidden, dmMessages, dmParticipants } from './messaging.schema.js';
import type { ReceiptsService } from './receipts.service.js';

/** One sync answer holds at most this many new messages; `hasMore` asks the client to continue. */
const SYNC_BATCH = 500;
const SYNC_CHANGED_MAX = 2000;
/**
 * `syncedAt` is set this far in the past: a change stamped before a sync but committed after it would
 * otherwise fall between two syncs. Re-sending a few already-known changes is harmless (merged by id).
 */
const SYNC_MARGIN_MS = 30_000;
const SYNC_CONVERSATIONS_MAX = 1000;

/**
 * Reading: one conversation's history (cursor pages by UUIDv7 id, stable under concurrent inserts
 * because a new message always sorts after the cursor) and the reconnect catch-up.
 */
export class HistoryService {
  constructor(
    private readonly context: MessagingContext,
    private readonly receipts: ReceiptsService,
  ) {}

  private get db() {
    return this.context.db;
  }

  async history(
    userId: string,
    otherUserId: string,
    query: TMessagesQuery,
  ): Promise<Omit<TMessagesResponse, 'success'>> {
    const other = await findUserById(this.db, otherUserId);
    if (!other || other.username === null || otherUserId === userId)
      throw new AppError('NOT_FOUND', 'No user with that ID');
    const [isFriend, block] = await Promise.all([
      areFriends(this.db, userId, otherUserId),
      blockBetween(this.db, userId, otherUserId),
    ]);
    const otherUser = otherUserView(other, { isFriend, isBlocked: block !== null });
    const conversation = await findConversation(this.db, userId, otherUserId);
    if (!conversation)
      return { messages: [], nextCursor: null, hasMore: false, conversation: null, otherUser };
    const rows = await this.db
      .select()
      .from(dmMessages)
      .where(
        and(
          eq(dmMessages.conversationId, conversation.id),
          notHiddenFor(userId),
          query.before ? lt(dmMessages.id, query.before) : undefined,
        ),
      )
      .orderBy(desc(dmMessages.id))
      .limit(query.limit + 1);
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const [summary] = await listConversations(this.db, userId, { otherUserId });
    return {
      messages: await this.context.toDtos(userId, page),
      nextCursor: hasMore ? (page[page.length - 1]?.id ?? null) : null,
      hasMore,
      conversation: summary ?? null,
      otherUser,
    };
  }

  /**
   * Reconnect catch-up (issue 5 "Reconnect and correctness"): new messages after each known cursor,
   * known messages that changed since the last sync, and for-me deletions from other tabs. Messages
   * waiting for the caller are marked delivered, exactly as a live `dm_receive` would be.
   */
  async sync(userId: string, input: TDmSync): Promise<Omit<TDmSyncResponse, 'success'>> {
    const named = Object.entries(input.after);
    if (named.length > SYNC_CONVERSATIONS_MAX)
      throw new AppError(
        'VALIDATION_ERROR',
        `Sync at most ${SYNC_CONVERSATIONS_MAX} conversations at once.`,
        {
          field: 'after',
        },
      );
    const nowResult = await this.db.execute<{ now: Date } & Record<string, unknown>>(
      sql`select now() as now`,
    );
    const now = new Date(nowResult.rows[0]?.now ?? Date.now());
    const since = input.changedSince ? new Date(input.changedSince) : null;

    // Everything waiting for the caller is delivered now that a client of theirs is syncing. Done
    // first, so the reads below see the receipts (and a concurrent connect push marks nothing twice).
    await this.receipts.markAllDelivered(userId);
    const mine = await this.db
      .select({ conversationId: dmParticipants.conversationId })
      .from(dmParticipants)
      .where(eq(dmParticipants.userId, userId));
    const myIds = new Set(mine.map((row) => row.conversationId));
    const known = named.filter(([conversationId]) => myIds.has(conversationId));
    const knownIds = new Set(known.map(([conversationId]) => conversationId));
    const unknownIds = [...myIds].filter((id) => !knownIds.has(id));

    const newConditions = known.map(([conversationId, lastId]) =>
      lastId
        ? and(eq(dmMessages.conversationId, conversationId), gt(dmMessages.id, lastId))
        : eq(dmMessages.conversationId, conversationId),
    );
    // Conversations the client did not name: everything since it last heard from us.
    if (since && unknownIds.length > 0)
      newConditions.push(
        and(inArray(dmMessages.conversationId, unknownIds), gt(dmMessages.createdAt, since)),
      );
    const fresh =
      newConditions.length === 0
        ? []
        : await this.db
            .select()
            .from(dmMessages)
            .where(and(or(...newConditions), notHiddenFor(userId)))
            .orderBy(asc(dmMessages.id))
            .limit(SYNC_BATCH + 1);
    const hasMore = fresh.length > SYNC_BATCH;
    const messages = fresh.slice(0, SYNC_BATCH);

    const changedConditions = known.flatMap(([conversationId, lastId]) =>
      lastId ? [and(eq(dmMessages.conversationId, conversationId), lte(dmMessages.id, lastId))] : [],
    );
    const changed =
      since && changedConditions.length > 0
        ? await this.db
            .select()
            .from(dmMessages)
            .where(and(or(...changedConditions), gt(dmMessages.updatedAt, since), notHiddenFor(userId)))
            .orderBy(asc(dmMessages.id))
            .limit(SYNC_CHANGED_MAX)
        : [];
    const removed = since
      ? await this.db
          .select({ messageId: dmHidden.messageId })
          .from(dmHidden)
          .where(and(eq(dmHidden.userId, userId), gt(dmHidden.createdAt, since)))
      : [];

    const [messageDtos, changedDtos] = await Promise.all([
      this.context.toDtos(userId, messages),
      this.context.toDtos(userId, changed),
    ]);
    return {
      messages: messageDtos,
      changed: changedDtos,
      removed: removed.map((row) => row.messageId),
      hasMore,
      syncedAt: new Date(now.getTime() - SYNC_MARGIN_MS).toISOString(),
    };
  }
}
